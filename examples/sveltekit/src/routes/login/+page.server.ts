// SvelteKit login page: load + form actions.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { verifyPassword, createSession } from '$lib/server/auth';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) {
    redirect(303, '/dashboard');
  }
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, getClientAddress }) => {
    const data = await request.formData();
    const email = data.get('email');
    const password = data.get('password');

    if (typeof email !== 'string' || !email) {
      return fail(400, { email, missing: true });
    }
    if (typeof password !== 'string' || password.length < 8) {
      return fail(400, { email, weakPassword: true });
    }

    const user = await verifyPassword(email, password, getClientAddress());
    if (!user) {
      // Slow down credential stuffing a little.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return fail(401, { email, incorrect: true });
    }

    const session = await createSession(user.id);
    cookies.set('session', session.id, { path: '/', httpOnly: true, maxAge: 60 * 60 * 24 * 30 });
    redirect(303, '/dashboard');
  },
};
