import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import type { Inbox } from '@/lib/auth';
import { useMarkRead } from '../api/inbox';

type Message = Inbox['items'][number];

function MessageItem({ message }: { message: Message }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const headingId = useId();
  return (
    <article className={message.read ? 'message' : 'message message--unread'} aria-labelledby={headingId}>
      <h2 id={headingId} className="message__subject">
        {message.subject}
      </h2>
      <p className="message__meta">
        {t(`inbox.kind.${message.kind}`)} · <DateTime value={message.created_at} /> ·{' '}
        {message.read ? t('inbox.read') : <strong>{t('inbox.unread')}</strong>}
      </p>
      <p className="message__body">{message.body}</p>
      {!message.read && (
        <button
          type="button"
          className="secondary"
          disabled={markRead.isPending}
          onClick={() => { markRead.mutate(message.id); }}
          aria-describedby={headingId}
        >
          {t('inbox.markRead')}
        </button>
      )}
    </article>
  );
}

export function MessageList({ messages }: { messages: Message[] }) {
  return (
    <ul className="message-list">
      {messages.map((message) => (
        <li key={message.id}>
          <MessageItem message={message} />
        </li>
      ))}
    </ul>
  );
}
