/** Dates given on the command line (--today, --date). */

/**
 * A YYYY-MM-DD that names a day of the calendar: "2023-02-30" is not one (JavaScript's Date would quietly
 * read it as 2 March).
 * @example
 * isCalendarDate("2024-02-29") // true
 * isCalendarDate("2023-02-30") // false
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
