import { parseArgs } from 'node:util';
import { STAFF_ROLES, StaffUser, type StaffRole } from './db/entities/index.ts';
import { createStaffUser, disableStaffUser, enableStaffUser, issueApiToken, setPassword } from './auth/staff-accounts.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/orm.ts';
import { runMain } from './run-main.ts';

const HELP = `Staff accounts for Samspill's dashboard and API (the coordinator can do the same at /staff).

  npm run staff -- create --email kari@kommune.no --name "Kari Nordmann" --role contact --units hjemmetjenesten[,aktivitetshusene] [--certificate-officer] [--oidc-only]
  npm run staff -- reset-password <email>
  npm run staff -- disable <email>        (ends their sessions and revokes their API tokens)
  npm run staff -- enable <email>
  npm run staff -- token <email> --name "Fagsystem-integrasjon"
  npm run staff -- list

Roles: ${STAFF_ROLES.join(', ')}. Passwords and tokens are printed once and stored only hashed.`;

/** `npm run staff -- <command>`: create, disable and enable accounts, reset passwords, issue API tokens. */
await runMain('staff', async (log) => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      units: { type: 'string' },
      'certificate-officer': { type: 'boolean' },
      'oidc-only': { type: 'boolean' },
    },
  });
  const [command, subject] = positionals;
  if (!command || command === 'help') {
    log(HELP);
    return;
  }
  const orm = await openDatabase(loadConfig().databaseUrl);
  const em = orm.em.fork();
  try {
    const findUser = async (email: string | undefined) => {
      const user = email ? await em.findOne(StaffUser, { email: email.trim().toLowerCase() }) : null;
      if (!user) throw new Error(`No staff account has the email ${email ?? '(none given)'}.`);
      return user;
    };
    switch (command) {
      case 'create': {
        const role = values.role as StaffRole | undefined;
        if (!values.email || !values.name || !role || !STAFF_ROLES.includes(role)) throw new Error(`Give --email, --name and --role (${STAFF_ROLES.join(', ')}).\n\n${HELP}`);
        const serviceUnitIds = (values.units ?? '').split(',').map((u) => u.trim()).filter(Boolean);
        if (role !== 'coordinator' && !serviceUnitIds.length) throw new Error('A contact or unit manager needs --units.');
        const { user, password } = await createStaffUser(em, {
          email: values.email,
          name: values.name,
          role,
          serviceUnitIds,
          certificateOfficer: values['certificate-officer'] ?? false,
          ...(values['oidc-only'] ? { password: null } : {}),
        });
        log(`Created ${user.role} ${user.email}${password ? ` with password ${password}` : ' (signs in through the municipality\'s login)'}`);
        break;
      }
      case 'reset-password': {
        const user = await findUser(subject ?? values.email);
        log(`New password for ${user.email} (their sessions are ended): ${await setPassword(em, user)}`);
        break;
      }
      case 'disable': {
        const user = await findUser(subject ?? values.email);
        await disableStaffUser(em, user);
        log(`Disabled ${user.email}; their sessions are ended and their API tokens revoked.`);
        break;
      }
      case 'enable': {
        const user = await findUser(subject ?? values.email);
        await enableStaffUser(em, user);
        log(`Enabled ${user.email}.`);
        break;
      }
      case 'token': {
        const user = await findUser(subject ?? values.email);
        const { token } = await issueApiToken(em, user.id, values.name ?? 'integration');
        log(`API token for ${user.email} (send as "Authorization: Bearer <token>"):\n${token}`);
        break;
      }
      case 'list': {
        for (const user of await em.find(StaffUser, {}, { orderBy: { email: 'asc' } })) {
          log(`${user.email}  ${user.role}  ${user.serviceUnitIds.join(',') || '(all units)'}${user.certificateOfficer ? '  certificate officer' : ''}${user.disabledAt ? '  disabled' : ''}`);
        }
        break;
      }
      default:
        throw new Error(`Unknown command "${command}".\n\n${HELP}`);
    }
  } finally {
    await orm.close();
  }
});
