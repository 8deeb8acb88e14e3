export { eventCatalogue } from './catalogue.js';
export type { CatalogueEntry, CatalogueField } from './catalogue.js';
export { eventCatalogueMarkdown } from './markdown.js';
