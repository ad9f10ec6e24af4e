import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { buttonVariants } from '@/components/ui/button-variants';
import { ticketFileName } from '@/engine/ticket/file-name';
import { formatMarkdown } from '@/engine/ticket/format-markdown';
import { formatText } from '@/engine/ticket/format-text';
import { mailtoLink } from '@/engine/ticket/mailto';
import type { Ticket } from '@/engine/ticket/model';
import { ticketToJson } from '@/engine/ticket/ticket-json';
import type { TicketMethod } from '@/embed/protocol';
import { announce } from '@/lib/app-events';
import { copyText, downloadText } from '@/lib/clipboard';
import { cn } from '@/lib/cn';
import { sendTicket } from './send-ticket';

interface ExportActionsProps {
  /** Undefined while the form has errors: every action then points at them instead. */
  ticket: Ticket | undefined;
  onInvalid: () => void;
  provider: { name: string; supportEmail: string; supportWebhook?: string | undefined };
}

type Status = { tone: 'ok' | 'error'; text: string } | null;

/** Copy, download, email, print and (when configured) send: each only with a complete request. */
export function ExportActions({ ticket, onInvalid, provider }: ExportActionsProps) {
  const [status, setStatus] = useState<Status>(null);
  const [sending, setSending] = useState(false);

  const perform = async (
    method: TicketMethod,
    run: (ticket: Ticket) => Promise<string> | string,
  ) => {
    if (!ticket) {
      setStatus(null);
      onInvalid();
      return;
    }
    try {
      setStatus({ tone: 'ok', text: await run(ticket) });
      announce({ type: 'ticket-prepared', method });
    } catch {
      setStatus({
        tone: 'error',
        text: 'The browser didn’t allow that. Select the preview below and copy it by hand.',
      });
    }
  };
  const act = (method: TicketMethod, run: (ticket: Ticket) => Promise<string> | string) => () =>
    void perform(method, run);

  const mail = ticket ? mailtoLink(ticket) : undefined;
  const webhook = provider.supportWebhook;
  const send = async (current: Ticket, url: string) => {
    setSending(true);
    setStatus(null);
    const result = await sendTicket(url, ticketToJson(current));
    setSending(false);
    if (result.ok) announce({ type: 'ticket-prepared', method: 'send' });
    setStatus(
      result.ok
        ? { tone: 'ok', text: `Sent to ${provider.name} support. Your draft is still here.` }
        : { tone: 'error', text: `Not sent. ${result.reason} Your draft is kept.` },
    );
  };

  return (
    <section aria-labelledby="export-heading" className="space-y-3 print:hidden">
      <h2 id="export-heading" className="text-xl font-bold">
        Send it to support
      </h2>
      <p className="text-sm text-ink-muted">
        Nothing leaves this browser until you copy, download, email or send it.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          onClick={act('copy-text', async (t) => {
            await copyText(formatText(t));
            return 'Copied as plain text. Paste it into your ticket or email.';
          })}
        >
          Copy as text
        </Button>
        <Button
          onClick={act('copy-markdown', async (t) => {
            await copyText(formatMarkdown(t));
            return 'Copied as Markdown.';
          })}
        >
          Copy as Markdown
        </Button>
        <Button
          onClick={act('download-text', (t) => {
            downloadText(ticketFileName(t, 'txt'), formatText(t), 'text/plain');
            return `Downloaded ${ticketFileName(t, 'txt')}.`;
          })}
        >
          Download .txt
        </Button>
        <Button
          onClick={act('download-json', (t) => {
            downloadText(ticketFileName(t, 'json'), ticketToJson(t), 'application/json');
            return `Downloaded ${ticketFileName(t, 'json')}.`;
          })}
        >
          Download .json
        </Button>
        {mail && ticket ? (
          <a
            href={mail.href}
            className={cn(buttonVariants())}
            onClick={() => {
              announce({ type: 'ticket-prepared', method: 'email' });
              if (mail.complete) return;
              void copyText(formatText(ticket)).then(
                () =>
                  setStatus({
                    tone: 'ok',
                    text: 'The request is too long for an email link, so it was copied: paste it into the email.',
                  }),
                () => setStatus({ tone: 'error', text: 'Copy the preview below into the email.' }),
              );
            }}
          >
            Email {provider.supportEmail}
          </a>
        ) : (
          <Button onClick={onInvalid}>Email {provider.supportEmail}</Button>
        )}
        <Button
          onClick={act('print', () => {
            window.print();
            return 'Sent to the printer dialog.';
          })}
        >
          Print
        </Button>
      </div>
      {webhook ? (
        <div className="rounded-lg border border-line bg-surface p-3">
          <Button
            variant="primary"
            disabled={sending}
            onClick={() => {
              if (ticket) void send(ticket, webhook);
              else onInvalid();
            }}
          >
            {sending ? 'Sending…' : `Send to ${provider.name} support`}
          </Button>
          <p className="mt-1 text-sm text-ink-muted">
            Sends this request, as JSON, to {new URL(webhook).host}.
          </p>
        </div>
      ) : null}
      <div
        role="status"
        className={cn(
          'empty:hidden',
          status?.tone === 'error' ? 'font-medium text-danger' : 'text-success',
        )}
      >
        {status ? <p>{status.text}</p> : null}
      </div>
    </section>
  );
}
