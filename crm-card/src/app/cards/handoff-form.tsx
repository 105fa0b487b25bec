/** @jsxImportSource react */
import { Flex, Heading, LoadingButton, Select, TextArea } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { Play } from './vendor/upsignal-shared/index.ts';

const NOTE_LIMIT = 2000;

type Props = {
  plays: Play[];
  sending: boolean;
  onHandOff: (play: Play, note: string) => void;
};

/** Choose a play, add a note, and hand the account to the team's Slack channel. */
export function HandoffForm({ plays, sending, onHandOff }: Props) {
  const [playId, setPlayId] = useState(plays[0]?.id ?? '');
  const [note, setNote] = useState('');
  const play = plays.find((candidate) => candidate.id === playId) ?? plays[0];

  if (!play) return null;

  return (
    <Flex direction="column" gap="sm">
      <Heading>Hand off</Heading>
      <Select
        label="Play"
        name="play"
        value={play.id}
        options={plays.map((option) => ({ label: option.title, value: option.id }))}
        onChange={(value) => setPlayId(String(value))}
        testId="upsignal-handoff-play"
      />
      <TextArea
        label="Note for the channel (optional)"
        name="note"
        value={note}
        maxLength={NOTE_LIMIT}
        onChange={setNote}
        testId="upsignal-handoff-note"
      />
      <LoadingButton
        variant="primary"
        loading={sending}
        disabled={sending}
        onClick={() => onHandOff(play, note)}
        testId="upsignal-handoff-button"
      >
        Hand off to Slack
      </LoadingButton>
    </Flex>
  );
}
