/**
 * `@nastavnik/documents/docx`: the DOCX renderer (with the `docx` library).
 * A subpath of its own, so that an application that builds documents and shows
 * them as HTML or Markdown never loads `docx` and its zip writer.
 *
 * @module @nastavnik/documents/docx
 */
export { type DocxOptions, renderDocx } from './render/docx';
