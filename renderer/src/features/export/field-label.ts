import type { TFunction } from 'i18next';
import type { MatchTarget } from './match-rows';

/** A field's name in the interface language: standard fields translated, custom ones as named. */
export function fieldLabel(t: TFunction<'export'>, target: MatchTarget): string {
  if (target.kind === 'email') return t('fields.Email');
  if (target.kind === 'standard') return t(`fields.${target.key}`, { defaultValue: target.key });
  if (target.kind === 'consent') return t('fields.EmailConsent');
  return target.name;
}

/** The field with what kind it is, for the consent dialog: "Loyalty Tier (custom, whole number)". */
export function fieldDescription(t: TFunction<'export'>, target: MatchTarget): string {
  const label = fieldLabel(t, target);
  if (target.kind !== 'custom') return label;
  return `${label} (${t('matching.customKind', { type: t(`types.${target.type}`) })})`;
}
