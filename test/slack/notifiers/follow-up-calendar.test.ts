import { describe, expect, it } from 'vitest';
import { followUpIcs } from '../../../src/adapters/shared/follow-up-ics.js';

const event = {
  interactionId: 'int-42',
  contactName: 'Élise Lévy',
  typeLabel: 'Visit',
  actions: ['Discussion', 'To call back'],
  description: 'Agreed; bring the forms, and the list',
  start: new Date('2026-03-10T09:30:00.000Z'),
  now: new Date('2026-03-01T12:00:00.000Z'),
};

describe('follow-up calendar file (.ics)', () => {
  it('is one event at the follow-up time, with a stable UID and a reminder', () => {
    const { filename, content } = followUpIcs(event);
    expect(filename).toBe('follow-up-Elise-Levy.ics');
    const lines = content.split(/\r\n/);
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('UID:follow-up-int-42@interaction-log');
    expect(lines).toContain('DTSTART:20260310T093000Z');
    expect(lines).toContain('DTSTAMP:20260301T120000Z');
    expect(lines).toContain('DURATION:PT30M');
    expect(content).toContain('SUMMARY:Follow-up: Élise Lévy');
    // Commas and semicolons are escaped, so calendar apps read the text as text. Long lines
    // are folded (RFC 5545 §3.1: CRLF + space), so unfold before looking.
    const unfolded = content.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('Agreed\\; bring the forms\\, and the list');
    expect(content).toContain('BEGIN:VALARM');
  });

  it('is the same file for the same input', () => {
    expect(followUpIcs(event)).toEqual(followUpIcs(event));
  });
});
