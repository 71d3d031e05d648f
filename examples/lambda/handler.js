// AWS Lambda behind API Gateway (proxy integration), ESM, AWS SDK v3.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.CUSTOMERS_TABLE;
const MAX_PAGE = 100;
const headers = { 'Content-Type': 'application/json' };

export async function getCustomer(event) {
  const id = event.pathParameters?.id;
  const { Item } = await ddb.send(new GetCommand({ TableName: TABLE, Key: { pk: `CUSTOMER#${id}` } }));
  if (!Item) {
    return { statusCode: 404, headers, body: JSON.stringify({ message: 'Customer not found' }) };
  }
  return { statusCode: 200, headers, body: JSON.stringify(Item) };
}

export async function listCustomers(event) {
  const limit = Math.min(Number(event.queryStringParameters?.limit ?? 25), MAX_PAGE);
  const { Items = [] } = await ddb.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'gsi1pk = :t',
      IndexName: 'gsi1',
      ExpressionAttributeValues: { ':t': 'CUSTOMER' },
      Limit: limit,
    }),
  );
  return { statusCode: 200, headers, body: JSON.stringify(Items) };
}

export async function createCustomer(event) {
  let input;
  try {
    input = JSON.parse(event.body ?? '{}');
  } catch {
    return { statusCode: 400, headers, body: JSON.stringify({ message: 'Malformed JSON' }) };
  }
  if (!input.email) {
    return { statusCode: 422, headers, body: JSON.stringify({ message: 'email is required' }) };
  }
  const customer = { pk: `CUSTOMER#${crypto.randomUUID()}`, gsi1pk: 'CUSTOMER', email: input.email };
  try {
    await ddb.send(
      new PutCommand({ TableName: TABLE, Item: customer, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  } catch (err) {
    if (err.name === 'ConditionalCheckFailedException') {
      return { statusCode: 409, headers, body: JSON.stringify({ message: 'Customer exists' }) };
    }
    console.error(err);
    return { statusCode: 500, headers, body: JSON.stringify({ message: 'Internal error' }) };
  }
  return {
    statusCode: 201,
    headers: { ...headers, Location: `/customers/${customer.pk.slice('CUSTOMER#'.length)}` },
    body: JSON.stringify(customer),
  };
}
