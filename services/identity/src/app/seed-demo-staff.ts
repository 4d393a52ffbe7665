import type { Role } from '@bazar/kit/http/auth';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema.ts';
import type { IdentityContext } from './context.ts';
import { registerUser } from './register-user.ts';

/** One demo account per cabinet of the web app, each with the password `demo12345`. */
const DEMO_STAFF: { email: string; name: string; roles: Role[] }[] = [
  { email: 'customer@demo.bazar', name: 'Анна Покупателева', roles: ['customer'] },
  { email: 'operator@demo.bazar', name: 'Олег Операторов', roles: ['operator'] },
  { email: 'picker@demo.bazar', name: 'Пётр Сборщиков', roles: ['picker'] },
  { email: 'courier@demo.bazar', name: 'Ксения Курьерова', roles: ['courier'] },
  { email: 'manager@demo.bazar', name: 'Мария Менеджерова', roles: ['manager'] },
  { email: 'purchaser@demo.bazar', name: 'Борис Закупкин', roles: ['purchaser'] },
  { email: 'controller@demo.bazar', name: 'Вера Контролёрова', roles: ['controller'] },
  // Workers start as customers: workforce qualifies them and identity grants `worker` on its event.
  { email: 'worker@demo.bazar', name: 'Иван Мастеров', roles: ['customer'] },
  { email: 'worker2@demo.bazar', name: 'Сергей Сборкин', roles: ['customer'] },
  { email: 'worker3@demo.bazar', name: 'Алия Ремонтова', roles: ['customer'] },
];
export const DEMO_PASSWORD = 'demo12345';

export async function seedDemoStaff(ctx: IdentityContext): Promise<string[]> {
  let created = 0;
  for (const person of DEMO_STAFF) {
    const [existing] = await ctx.deps.db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    if (existing) continue;
    await registerUser(ctx, { ...person, password: DEMO_PASSWORD });
    created++;
  }
  return created > 0
    ? [
        `Demo accounts: {customer,operator,picker,courier,manager,purchaser,controller,worker,worker2,worker3}@demo.bazar / ${DEMO_PASSWORD}`,
      ]
    : [];
}
