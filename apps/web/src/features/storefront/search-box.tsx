import { type BoxProps, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client.ts';

/**
 * The header search: suggestions (product titles) while typing, Enter opens the results. The
 * suggestions are the browser's own `<datalist>`, keyboard-ready and accessible, which keeps
 * Mantine's combobox and its positioning library out of the storefront's first load.
 */
export function SearchBox(props: BoxProps & { visibleFrom?: 'sm'; hiddenFrom?: 'sm' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const suggestions = useQuery({
    queryKey: ['suggest', debounced],
    // The query the page already shows needs no suggestions: they wait until the shopper types.
    enabled: debounced.length >= 2 && debounced !== (params.get('q') ?? '').trim(),
    staleTime: 60_000,
    queryFn: () => ok(api.GET('/api/v1/products', { params: { query: { q: debounced, limit: 6 } } })),
  });
  const titles = [...new Set(suggestions.data?.items.map((p) => p.title) ?? [])];
  const go = (q: string) => navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setText(value);
    // Picking a suggestion is not typing: Chromium reports it as a replacement, others as a plain event.
    const native = event.nativeEvent;
    const picked = !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
    if (picked && titles.includes(value)) go(value);
  };
  return (
    <search style={{ flex: 1, maxWidth: 520 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          go(text);
        }}
      >
        <TextInput
          {...props}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={change}
          type="search"
          name="q"
          autoComplete="off"
          list={listId}
        />
        <datalist id={listId}>
          {titles.map((title) => (
            <option key={title} value={title} />
          ))}
        </datalist>
      </form>
    </search>
  );
}
