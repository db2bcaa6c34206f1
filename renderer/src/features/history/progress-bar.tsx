interface ProgressBarProps {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** What a screen reader says, e.g. "120 of 300 contacts". */
  readonly valueText: string;
  readonly failed?: number;
  readonly large?: boolean;
}

/** A bar of contacts answered for (delivered in the accent colour, not delivered in red). */
export function ProgressBar({
  label,
  done,
  total,
  valueText,
  failed = 0,
  large,
}: ProgressBarProps) {
  const share = (value: number) => (total > 0 ? Math.min(100, (value / total) * 100) : 0);
  return (
    <div
      className={large ? 'history-bar history-bar-large' : 'history-bar'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={Math.min(done, total)}
      aria-valuetext={valueText}
    >
      <span className="history-bar-done" style={{ width: `${share(done - failed)}%` }} />
      <span className="history-bar-failed" style={{ width: `${share(failed)}%` }} />
    </div>
  );
}
