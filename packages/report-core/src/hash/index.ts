export { canonicalContent, canonicalJson, contentHash, sha256Hex } from './canonical-json.js';
export { sha256Bytes, sha256Utf8 } from './sha256.js';
