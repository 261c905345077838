/**
 * The option type: one entry of a code list, a ward, a staff member … as a select, a checklist or
 * a report filter offers it. `retired` marks an entry no longer offered to new records (a record
 * that holds it still shows and keeps it). Loaders for master data are in features/masters.
 */
export interface Choice { id: number; label: string; retired?: boolean }

/** What the select partial (views/partials/field.ejs) takes. */
export interface SelectOption { value: number | string; label: string }
