// Next.js App Router: /api/orders
import { NextResponse, type NextRequest } from 'next/server';
import { cookies } from 'next/headers';
import { db } from '@/lib/db';
import { rateLimit } from '@/lib/rate-limit';

const MAX_LIMIT = 100;

export async function GET(request: NextRequest) {
  const session = (await cookies()).get('session');
  if (!session) {
    return NextResponse.redirect(new URL('/login', request.url), 307);
  }

  const limit = Math.min(Number(request.nextUrl.searchParams.get('limit') ?? 20), MAX_LIMIT);
  const orders = await db.order.findMany({
    where: { ownerSession: session.value },
    take: limit,
  });
  return NextResponse.json(orders);
}

export async function POST(request: NextRequest) {
  const ip = request.headers.get('x-forwarded-for') ?? 'anonymous';
  const { success, reset } = await rateLimit(ip);
  if (!success) {
    return new Response('rate limited', {
      status: 429,
      headers: { 'Retry-After': String(Math.ceil((reset - Date.now()) / 1000)) },
    });
  }

  let payload: { productId?: string; quantity?: number };
  try {
    payload = await request.json();
  } catch {
    return NextResponse.json({ error: 'Body must be JSON' }, { status: 400 });
  }
  if (!payload.productId || !payload.quantity || payload.quantity < 1) {
    return NextResponse.json(
      { error: 'productId and a positive quantity are required' },
      { status: 422 },
    );
  }

  const product = await db.product.findUnique({ where: { id: payload.productId } });
  if (!product) {
    return Response.json({ error: 'Unknown product' }, { status: 404 });
  }

  const order = await db.order.create({
    data: { productId: product.id, quantity: payload.quantity },
  });
  return NextResponse.json(order, {
    status: 201,
    headers: { Location: `/api/orders/${order.id}` },
  });
}
