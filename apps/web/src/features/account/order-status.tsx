import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  awaiting_payment: 'yellow',
  paid: 'green',
  picking: 'blue',
  packed: 'blue',
  shipped: 'indigo',
  delivered: 'teal',
  cancelled: 'gray',
  refunded: 'grape',
};

export function OrderStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} data-testid="order-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
