import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { useSession } from '../../session/session.tsx';

export type Cart = Schemas['Cart'];
const CART_KEY = 'bazar.cart';

export const storedCartId = () => localStorage.getItem(CART_KEY);
export const forgetCart = () => localStorage.removeItem(CART_KEY);

/** The visitor's open cart (its id is kept on this device), claimed after signing in. */
export function useCart() {
  const { user } = useSession();
  const id = storedCartId();
  const query = useQuery({
    queryKey: ['cart', id, user?.id ?? null],
    retry: false,
    queryFn: async () => {
      if (!id) return null;
      try {
        if (user) await ok(api.POST('/api/v1/carts/{id}/claim', { params: { path: { id } } }));
        const cart = await ok(api.GET('/api/v1/carts/{id}', { params: { path: { id } } }));
        if (cart.status !== 'open') {
          forgetCart();
          return null;
        }
        return cart;
      } catch (error) {
        // Someone else's, gone or already checked out: start afresh.
        if (error instanceof ApiError && [403, 404, 409].includes(error.status)) {
          forgetCart();
          return null;
        }
        throw error;
      }
    },
  });
  return query;
}

export function useCartActions() {
  const queryClient = useQueryClient();
  const { currency } = usePreferences();
  const save = (cart: Cart) => {
    localStorage.setItem(CART_KEY, cart.id);
    queryClient.setQueriesData({ queryKey: ['cart', cart.id] }, cart);
    void queryClient.invalidateQueries({ queryKey: ['cart'] });
  };
  const ensureCart = async () => {
    const id = storedCartId();
    if (id) return id;
    const cart = await ok(api.POST('/api/v1/carts', { body: currency ? { currency } : {} }));
    localStorage.setItem(CART_KEY, cart.id);
    return cart.id;
  };
  return {
    add: useMutation({
      mutationFn: async ({ variantId, quantity }: { variantId: string; quantity: number }) => {
        const id = await ensureCart();
        return ok(api.POST('/api/v1/carts/{id}/items', { params: { path: { id } }, body: { variantId, quantity } }));
      },
      onSuccess: save,
    }),
    setQuantity: useMutation({
      mutationFn: ({ cartId, itemId, quantity }: { cartId: string; itemId: string; quantity: number }) =>
        ok(api.PATCH('/api/v1/carts/{id}/items/{itemId}', { params: { path: { id: cartId, itemId } }, body: { quantity } })),
      onSuccess: save,
    }),
    remove: useMutation({
      mutationFn: ({ cartId, itemId }: { cartId: string; itemId: string }) =>
        ok(api.DELETE('/api/v1/carts/{id}/items/{itemId}', { params: { path: { id: cartId, itemId } } })),
      onSuccess: save,
    }),
    applyPromo: useMutation({
      mutationFn: ({ cartId, code }: { cartId: string; code: string }) =>
        ok(api.POST('/api/v1/carts/{id}/promo', { params: { path: { id: cartId } }, body: { code } })),
      onSuccess: save,
    }),
    removePromo: useMutation({
      mutationFn: ({ cartId }: { cartId: string }) => ok(api.DELETE('/api/v1/carts/{id}/promo', { params: { path: { id: cartId } } })),
      onSuccess: save,
    }),
  };
}
