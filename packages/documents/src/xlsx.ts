/**
 * `@nastavnik/documents/xlsx`: the XLSX renderer (with `exceljs`) for tables
 * and data sheets. A subpath of its own, so that an application that never
 * writes spreadsheets never loads `exceljs`.
 *
 * @module @nastavnik/documents/xlsx
 */
export { renderTimesheetXlsx, type TimesheetInput } from './render/timesheet';
export { type DataSheet, renderXlsx, safeCellText } from './render/xlsx';
