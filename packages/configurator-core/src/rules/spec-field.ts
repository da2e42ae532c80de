/** Whether a value fits a custom part's spec field: a finite number for a number field, else a text. */
export function fitsSpecField(kind: 'number' | 'string', value: unknown): boolean {
  return kind === 'number'
    ? typeof value === 'number' && Number.isFinite(value)
    : typeof value === 'string'
}
