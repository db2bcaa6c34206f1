/**
 * The headings of the Export screen's sections, so the footer's blockers can link to the table
 * they are about (issue 17, item 3: "Fix the matching first." did not say where).
 */
export const sectionIds = {
  destination: 'export-destination-title',
  segments: 'export-segments-title',
  matching: 'export-matching-title',
  lists: 'export-lists-title',
  preview: 'export-preview-title',
} as const;

export type SectionName = keyof typeof sectionIds;

/** Brings a section's heading into view and gives it the focus (headings have tabIndex -1). */
export function goToSection(section: SectionName): void {
  const heading = document.getElementById(sectionIds[section]);
  // jsdom has no scrollIntoView; browsers all do.
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus();
}
