import type { Edition } from '../../schemas.js';
import type { EditionRef } from './api-schemas.js';

export function editionRef(edition: Edition): EditionRef {
  return { id: edition.id, number: edition.number, hash: edition.hash };
}
