import { z } from 'zod';

/** A message for people, in Chinese (for editors and the public) and English (for developers). */
export const MessageSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Message = z.infer<typeof MessageSchema>;

/** One line: Chinese first, English in brackets. */
export function formatMessage(message: Message): string {
  return `${message.zh} (${message.en})`;
}
