// Next.js App Router: /api/orders/[id]
import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth';
import { db } from '@/lib/db';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const order = await db.order.findUnique({ where: { id } });
  if (!order) {
    return Response.json({ error: `Order ${id} not found` }, { status: 404 });
  }
  return NextResponse.json(order, { status: 200 });
}

export async function PATCH(request: Request, { params }: Context) {
  const session = await auth();
  if (!session) {
    return NextResponse.redirect(new URL('/login', request.url), 307);
  }
  const { id } = await params;
  const changes = await request.json();
  if ('status' in changes && !['pending', 'paid', 'shipped'].includes(changes.status)) {
    return NextResponse.json({ error: 'Invalid status' }, { status: 400 });
  }
  const order = await db.order.update({ where: { id }, data: changes });
  return NextResponse.json(order);
}

export async function DELETE(request: Request, { params }: Context) {
  const session = await auth();
  if (!session?.user?.isAdmin) {
    return NextResponse.json({ error: 'Forbidden' }, { status: 403 });
  }
  const { id } = await params;
  await db.order.delete({ where: { id } });
  return new NextResponse(null, { status: 204 });
}
