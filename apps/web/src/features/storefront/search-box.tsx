import { Autocomplete, type BoxProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client.ts';

/** The header search: suggestions (product titles) while typing, Enter opens the results. */
export function SearchBox(props: BoxProps & { visibleFrom?: 'sm'; hiddenFrom?: 'sm' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const suggestions = useQuery({
    queryKey: ['suggest', debounced],
    enabled: debounced.length >= 2,
    staleTime: 60_000,
    queryFn: () => ok(api.GET('/api/v1/products', { params: { query: { q: debounced, limit: 6 } } })),
  });
  const go = (q: string) => navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  return (
    <search style={{ flex: 1, maxWidth: 520 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          go(text);
        }}
      >
        <Autocomplete
          {...props}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={setText}
          onOptionSubmit={go}
          data={[...new Set(suggestions.data?.items.map((p) => p.title) ?? [])]}
          type="search"
          name="q"
        />
      </form>
    </search>
  );
}
