import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newWorkshopSchema } from './schema';

const now = Date.parse('2026-12-07T12:00:00Z');
const schema = newWorkshopSchema(['01-prepare', '02-test-things-out', '03-functions'], now);
const good = { title: ' Room 2 ', labs: ['02-test-things-out', '03-functions'], capacity: 40, startsAt: '2026-12-07T13:00:00+01:00', endsAt: '2026-12-07T15:00:00Z', sandboxLifetimeMinutes: 180, poolSize: 10 };
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('a good session is read with its times in UTC milliseconds and its title trimmed', () => {
  const r = schema.parse(good);
  assert.equal(r.title, 'Room 2');
  assert.equal(r.startsAt, Date.parse('2026-12-07T12:00:00Z'), 'the offset is honoured');
  assert.equal(r.endsAt, Date.parse('2026-12-07T15:00:00Z'));
});

test('each mistake on the form gets a message that says how to put it right', () => {
  assert.deepEqual(messages({ ...good, endsAt: '2026-12-07T11:30:00Z' }), ['endsAt: The end must be after the start.', 'endsAt: The end is in the past.']);
  assert.deepEqual(messages({ ...good, capacity: 0 }), ['capacity: A session needs at least 1 place.']);
  assert.deepEqual(messages({ ...good, capacity: 201, poolSize: 0 }), ['capacity: A session has at most 200 places.']);
  assert.deepEqual(messages({ ...good, capacity: 5 }), ['poolSize: Make at most as many sandboxes ahead as there are places (5).']);
  assert.deepEqual(messages({ ...good, labs: [] }), ['labs: Include at least one lab.']);
  assert.deepEqual(messages({ ...good, labs: ['04-kubernetes'] }), ['labs.0: There is no lab "04-kubernetes"; choose from 01-prepare, 02-test-things-out, 03-functions.']);
  assert.deepEqual(messages({ ...good, labs: ['01-prepare', '01-prepare'] }), ['labs: A lab is included twice.']);
  assert.deepEqual(messages({ ...good, title: '  ' }), ['title: Give the session a title.']);
  assert.deepEqual(messages({ ...good, startsAt: '2026-12-07T13:00' }), ['startsAt: Give the start as a date and time.'], 'a time without a zone is refused, not guessed');
  assert.deepEqual(messages({ ...good, sandboxLifetimeMinutes: 5 }), ['sandboxLifetimeMinutes: A sandbox lives at least 15 minutes.']);
  assert.deepEqual(messages({ ...good, capacity: '40' }), ['capacity: Give the number of places as a number.']);
});
