import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ok, type Schemas } from '../api/client.ts';
import { clearAccessToken, onSessionChange, refreshAccessToken, setAccessToken } from './token-store.ts';

export type Role = Schemas['User']['roles'][number];
export interface Me {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: Role[];
}

interface Session {
  /** False until the session cookie has been tried once after load. */
  ready: boolean;
  user: Me | null;
  hasRole(...roles: Role[]): boolean;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState(false);
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => onSessionChange(setSignedIn), []);
  useEffect(() => {
    void refreshAccessToken().finally(() => setRestored(true));
  }, []);
  const me = useQuery({ queryKey: ['me'], enabled: signedIn, queryFn: () => ok(api.GET('/api/v1/me')) });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await ok(api.POST('/api/v1/auth/session', { body: { email, password } }));
      const user = session.user as Me;
      queryClient.setQueryData(['me'], user);
      setAccessToken(session.accessToken, session.expiresIn);
      return user;
    },
    [queryClient],
  );
  const signOut = useCallback(async () => {
    await api.DELETE('/api/v1/auth/session');
    clearAccessToken();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Session>(() => {
    const user = signedIn ? ((me.data as Me | undefined) ?? null) : null;
    return {
      ready: restored && (!signedIn || !me.isPending),
      user,
      hasRole: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
      signIn,
      signOut,
    };
  }, [restored, signedIn, me.data, me.isPending, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
