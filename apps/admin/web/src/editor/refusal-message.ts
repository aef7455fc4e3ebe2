import type { CommandError } from '@leshan/report-core';

/**
 * The Chinese sentence an editor reads when a change is refused: the first issue's own message
 * (it names the field's problem) rather than the generic "the report would be invalid".
 */
export function refusalMessage(error: CommandError): string {
  if (error.code === 'invalid-report' || error.code === 'invalid-command') {
    const first = error.issues[0];
    if (first !== undefined) return first.message.zh;
  }
  return error.message.zh;
}
