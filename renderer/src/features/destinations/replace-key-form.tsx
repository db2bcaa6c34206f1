import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectOutcome } from '../../../../shared/model/destinations';
import type { DestinationService } from '../../../../shared/model/destination-service';
import { errorText } from '../../i18n/error-text';
import { FormField } from './form-field';
import { useReplaceKey } from './use-destinations';

interface ReplaceKeyFormProps {
  readonly destinationId: string;
  /** Whose key it is: the words name the product and where it shows the key. */
  readonly service: DestinationService;
  /** Gets what checking the new key found. */
  readonly onReplaced: (keyCheck: ConnectOutcome | undefined) => void;
  readonly onCancel: () => void;
}

/** Pastes a new key over the old one in the keychain. Neither is ever shown. */
export function ReplaceKeyForm(props: ReplaceKeyFormProps) {
  const { destinationId, service: context, onReplaced, onCancel } = props;
  const { t } = useTranslation('destinations');
  const replace = useReplaceKey();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (apiKey.trim() === '') {
      setError(t('validation.apiKeyRequired', { context }));
      input.current?.focus();
      return;
    }
    replace.mutate(
      { id: destinationId, apiKey, checkKey: true },
      {
        onSuccess: (result) => {
          setApiKey('');
          onReplaced(result.keyCheck);
        },
        onError: (failure) => {
          setError(errorText(failure, t, context));
          input.current?.focus();
        },
      },
    );
  }

  return (
    <form className="replace-key-form" onSubmit={submit} noValidate>
      <FormField
        label={t('replaceKey.label', { context })}
        hint={t('form.apiKeyHint', { context })}
        error={error}
        inputRef={input}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(event) => setApiKey(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={replace.isPending}>
          {replace.isPending ? t('form.checking', { context }) : t('replaceKey.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('replaceKey.cancel')}
        </button>
      </div>
    </form>
  );
}
