// The day arithmetic is core's one calendar; kept under this name for the
// modules that still import it from here.
export { addDaysIso, dayNumber } from '@nastavnik/core';
