/** One tab: its id and label. */
export interface TabDef<T extends string> {
  id: T;
  label: string;
}

interface TabsProps<T extends string> {
  tabs: TabDef<T>[];
  active: T;
  onChange: (id: T) => void;
  /** Each tab's `data-testid` is `${testIdPrefix}${id}`. */
  testIdPrefix?: string;
  label?: string;
}

/** A row of tabs (role=tablist); the panel under it is the caller's. */
export function Tabs<T extends string>({ tabs, active, onChange, testIdPrefix, label }: TabsProps<T>) {
  return (
    <nav className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          className={`tab${active === t.id ? ' tab-on' : ''}`}
          data-testid={testIdPrefix ? `${testIdPrefix}${t.id}` : undefined}
          aria-selected={active === t.id}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}
