import { describe, expect, it } from 'vitest';
import {
  type EditedInteraction,
  editInputFromFields,
  type LogFormFields,
} from '../../../src/core/forms/log-form-rules.js';

/**
 * The edit form's rules, shared by Slack's modal and Teams' dialog: what a submitted edit form
 * sends to the edit use case, and the mistakes only the form can see.
 */
const PARIS = 'Europe/Paris';
const stored: EditedInteraction = {
  id: 'i-1',
  occurredAt: new Date('2026-03-10T08:15:42.123Z'), // 09:15 in Paris, with seconds
  dueAt: new Date('2026-03-12T08:00:30.000Z'), // 09:00 in Paris
};
const shown: Omit<LogFormFields, 'contactIds'> = {
  type: 'Call',
  customTypeChosen: false,
  actions: ['Donated'],
  newActions: 'To call back, Agreed',
  description: 'Talked',
  date: '2026-03-10',
  time: '09:15',
  followUpDate: '2026-03-12',
  followUpTime: '09:00',
  assigneeId: 'U2',
  important: true,
};

describe('the edit form’s rules', () => {
  it('keeps the stored moments when the pickers still show them, seconds and all', () => {
    const { input, errors } = editInputFromFields(shown, stored, PARIS);
    expect(errors).toEqual({});
    expect(input).toEqual({
      id: 'i-1',
      type: 'Call',
      actions: ['Donated', 'To call back', 'Agreed'],
      description: 'Talked',
      followUp: { dueAt: stored.dueAt, assigneeId: 'U2' },
      important: true,
    });
  });

  it('sends a moment someone changed, read in the person’s zone', () => {
    const { input } = editInputFromFields({ ...shown, time: '10:30', followUpTime: '14:00' }, stored, PARIS);
    expect(input).toMatchObject({
      occurredAt: new Date('2026-03-10T09:30:00.000Z'),
      followUp: { dueAt: new Date('2026-03-12T13:00:00.000Z') },
    });
  });

  it('removes the follow-up whose date was cleared, and sends none where there was none', () => {
    const { followUpDate: _date, followUpTime: _time, ...withoutFollowUp } = shown;
    expect(editInputFromFields(withoutFollowUp, stored, PARIS).input).toMatchObject({ followUp: null });
    const { dueAt: _due, ...noFollowUpStored } = stored;
    expect(editInputFromFields(withoutFollowUp, noFollowUpStored, PARIS).input).not.toHaveProperty(
      'followUp',
    );
  });

  it('leaves a description the form could not show as stored', () => {
    const { input } = editInputFromFields(
      { ...shown, description: '' },
      { ...stored, descriptionHidden: true },
      PARIS,
    );
    expect(input).not.toHaveProperty('description');
  });

  it('clears direction and channel emptied on a form that shows them, and leaves them alone on one that does not', () => {
    const emptied = editInputFromFields(shown, { ...stored, showsDirectionAndChannel: true }, PARIS).input;
    expect(emptied).toMatchObject({ direction: null, channel: null });
    const set = editInputFromFields(
      { ...shown, direction: 'inbound', channel: 'phone' },
      { ...stored, showsDirectionAndChannel: true },
      PARIS,
    ).input;
    expect(set).toMatchObject({ direction: 'inbound', channel: 'phone' });
    const teams = editInputFromFields(shown, stored, PARIS).input;
    expect(teams).not.toHaveProperty('direction');
    expect(teams).not.toHaveProperty('channel');
  });

  it('asks for the new type when "Other…" was chosen and none typed', () => {
    const { errors } = editInputFromFields(
      { ...shown, type: undefined, customTypeChosen: true, customType: '  ' },
      stored,
      PARIS,
    );
    expect(errors).toEqual({ type: 'Type the new interaction type.' });
  });

  it('sends a visit address for a Visit only, an emptied one as empty', () => {
    const visit = editInputFromFields({ ...shown, type: 'Visit' }, stored, PARIS).input;
    expect(visit).toMatchObject({ visitAddress: '' });
    const call = editInputFromFields({ ...shown, visitAddress: '1 rue de la Paix' }, stored, PARIS).input;
    expect(call).not.toHaveProperty('visitAddress');
  });

  it('names the fields only the form can see: a date without a time, a follow-up time without a date', () => {
    const { date: _d, ...rest } = shown;
    const { errors } = editInputFromFields(
      { ...rest, date: '2026-03-10', time: '', followUpDate: '', followUpTime: '10:00' },
      stored,
      PARIS,
    );
    expect(errors).toEqual({
      time: 'Choose a time.',
      'followUp.dueAt': 'Choose a date for the follow-up, or clear its time.',
    });
  });
});
