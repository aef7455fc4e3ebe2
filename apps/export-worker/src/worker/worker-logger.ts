/**
 * What the worker needs from a logger: pino's Logger fits (main passes one); tests pass pino at
 * level silent or a recorder. Structured fields first, message second, as pino expects.
 */
export interface WorkerLogger {
  debug: (fields: object, message: string) => void;
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
}
