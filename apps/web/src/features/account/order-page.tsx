import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { QueryView } from '../../ui/states.tsx';
import { OrderDetails } from './order-details.tsx';

export default function OrderPage() {
  const { id = '' } = useParams();
  const order = useQuery({
    queryKey: ['order', id],
    queryFn: () => ok(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    // Payment and fulfilment move the status on their own: keep it current while open.
    refetchInterval: (query) =>
      ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped'].includes(query.state.data?.status ?? '') ? 5_000 : false,
  });
  return <QueryView query={order}>{(o) => <OrderDetails order={o} />}</QueryView>;
}
