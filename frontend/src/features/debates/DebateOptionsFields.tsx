import './debates.css';
import { Checkbox, Field, NumberInput, Select, TextArea, TextInput } from '../common';
import type { DebateFormValues } from './debateView';
import type { Side } from './types';

/** The debate's own fields (not the task, work dir or template), in any form that starts debates. */
export const DEBATE_OPTION_FIELDS = ['claudeModel', 'codexModel', 'maxRounds', 'loopCount', 'postActionPrompt',
  'postActionRole', 'verification'] as const;

/**
 * The settings of a debate beyond its task: the two models, rounds and loops, and what to do with the conclusion.
 * Shared by the New debate form and a batch run in debate mode, so both send the same options.
 */
export function DebateOptionsFields({
  form,
  set,
  errors,
}: {
  form: DebateFormValues;
  set: <K extends keyof DebateFormValues>(key: K) => (value: DebateFormValues[K]) => void;
  errors: Record<string, string | undefined>;
}) {
  const acting = form.postActionPrompt.trim() !== '';
  return (
    <>
      <div className="debate-form-row">
        <Field label="Claude model" error={errors.claudeModel} errorTestId="debate-field-error-claudeModel" hint="blank: the default model">
          <TextInput data-testid="debate-claude-model" value={form.claudeModel} onChange={set('claudeModel')} placeholder="claude-sonnet-4-6" />
        </Field>
        <Field label="Codex model" error={errors.codexModel} errorTestId="debate-field-error-codexModel" hint="blank: Codex's configured model">
          <TextInput data-testid="debate-codex-model" value={form.codexModel} onChange={set('codexModel')} placeholder="gpt-5.5" />
        </Field>
      </div>
      <div className="debate-form-row">
        <Field label="Max rounds" error={errors.maxRounds} errorTestId="debate-field-error-maxRounds" hint="1 to 10">
          <NumberInput integer data-testid="debate-max-rounds" value={form.maxRounds} onChange={set('maxRounds')} />
        </Field>
        <Field label="Loop count" error={errors.loopCount} errorTestId="debate-field-error-loopCount" hint="runs of the whole debate">
          <NumberInput integer data-testid="debate-loop-count" value={form.loopCount} onChange={set('loopCount')} />
        </Field>
      </div>
      <Field label="Post-action prompt" error={errors.postActionPrompt} hint="optional: run by one side once the debate is over">
        <TextArea data-testid="debate-post-action" rows={2} value={form.postActionPrompt} onChange={set('postActionPrompt')} />
      </Field>
      {acting && (
        <div className="debate-form-row">
          <Field label="Post-action by" error={errors.postActionRole}>
            <Select
              data-testid="debate-post-action-role"
              value={form.postActionRole}
              onChange={(v) => set('postActionRole')(v as Side)}
              options={[{ value: 'claude', label: 'Claude' }, { value: 'codex', label: 'Codex' }]}
            />
          </Field>
          <Checkbox
            data-testid="debate-verification"
            checked={form.verification}
            onChange={set('verification')}
            label="Verification: the other side reviews, the implementer refines"
          />
        </div>
      )}
      {acting && (
        // The server names the work dir when it is not in a git repository: that field shows the refusal.
        <Checkbox
          data-testid="debate-use-worktree"
          checked={form.useWorktree}
          onChange={set('useWorktree')}
          label="Use a worktree: the post-action, review and refinements share one branch, pushed with a pull request at the end (the work dir must be in a git repository)"
        />
      )}
    </>
  );
}
