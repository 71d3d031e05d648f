// NestJS orders controller (TypeScript, decorators).
import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Query,
  Redirect,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';

interface Order {
  id: string;
  customerId: string;
  items: { sku: string; quantity: number }[];
  status: 'open' | 'shipped' | 'cancelled';
}

class CreateOrderDto {
  customerId!: string;
  items!: { sku: string; quantity: number }[];
}

const MAX_PAGE_SIZE = 100;

/** Puts the export on the job queue; a worker in another process writes the file. */
abstract class OrderExportService {
  abstract startExport(customerId: string): Promise<{ jobId: string }>;
}

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  private readonly orders = new Map<string, Order>();

  constructor(private readonly exports: OrderExportService) {}

  // The service hands the work on (the plugin cannot see into it): no-accepted-without-queue leaves this 202 alone.
  @Post('exports')
  @HttpCode(202)
  async export(@Headers('x-customer-id') customerId: string): Promise<{ jobId: string }> {
    return this.exports.startExport(customerId);
  }

  @Get()
  list(@Query('limit') limit = '20'): Order[] {
    const size = Math.min(Number(limit), MAX_PAGE_SIZE);
    return [...this.orders.values()].slice(0, size);
  }

  @Get('docs')
  @Redirect('https://docs.example.com', 302)
  docs() {}

  @Get(':id')
  @ApiResponse({ status: 200, description: 'The order.' })
  @ApiResponse({ status: 404, description: 'No order with this id.' })
  findOne(@Param('id') id: string): Order {
    const order = this.orders.get(id);
    if (!order) {
      throw new HttpException('Order not found', 404);
    }
    return order;
  }

  // Already written the recommended way: the plugin leaves it alone.
  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Body() dto: CreateOrderDto): Order {
    if (!dto.items?.length) {
      throw new HttpException('An order needs at least one item', HttpStatus.BAD_REQUEST);
    }
    const order: Order = { id: crypto.randomUUID(), status: 'open', ...dto };
    this.orders.set(order.id, order);
    return order;
  }

  @Post(':id/ship')
  @HttpCode(202)
  async ship(@Param('id') id: string, @Headers('x-role') role?: string): Promise<Order> {
    if (role !== 'warehouse') {
      throw new HttpException('Forbidden', 403);
    }
    const order = this.findOne(id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    order.status = 'shipped';
    return order;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Order cancelled.' })
  cancel(@Param('id') id: string, @Headers('x-customer-id') customerId?: string): void {
    const order = this.findOne(id);
    if (order.customerId !== customerId) {
      throw new HttpException(
        { status: 403, error: 'You can only cancel your own orders' },
        403,
      );
    }
    if (order.status === 'shipped') {
      throw new HttpException('Order already shipped', 409);
    }
    order.status = 'cancelled';
  }
}
