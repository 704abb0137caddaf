namespace Plaid.Partner.SpecSlicer.Tests.TestSupport
{
    /// <summary>Small OpenAPI documents written for these tests; nothing here is a Plaid fact.</summary>
    internal static class SyntheticSpecs
    {
        /// <summary>
        /// Partner and non-partner operations sharing schemas; refs through properties, items, additionalProperties,
        /// allOf chains, oneOf, not, parameters, request bodies, responses, headers and examples; a self cycle and a
        /// two-schema cycle; a partner webhook found by its description and one found by its enum; a non-partner webhook.
        /// </summary>
        public const string Mixed = """
            openapi: 3.0.0
            info:
              title: Synthetic mixed spec
              version: 2020-09-14_9.9.9
            servers:
              - description: Production
                url: https://production.plaid.com
              - description: Development
                url: https://development.plaid.com
              - description: Sandbox
                url: https://sandbox.plaid.com
            tags:
              - name: Plaid
              - name: Items
            security:
              - clientId: []
                secret: []
            x-top-level-extension: dropped
            paths:
              /partner/customer/create:
                x-plaid-business-unit-context: BUSINESS_UNIT_PLAID
                post:
                  tags:
                    - Plaid
                  operationId: partnerCustomerCreate
                  parameters:
                    - $ref: '#/components/parameters/TraceHeader'
                  requestBody:
                    $ref: '#/components/requestBodies/PartnerCustomerCreateBody'
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/PartnerCustomerCreateResponse'
                          examples:
                            created:
                              $ref: '#/components/examples/CreatedExample'
                    default:
                      $ref: '#/components/responses/ErrorResponse'
              /partner/customer/get:
                post:
                  tags:
                    - Plaid
                  operationId: partnerCustomerGet
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/PartnerCustomerGetRequest'
                        examples:
                          example-1:
                            value:
                              client_id: abc
                              secret: not-a-real-secret
                              end_customer_client_id: '12345'
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/PartnerCustomerGetResponse'
                    default:
                      $ref: '#/components/responses/ErrorResponse'
              /beta/partner/customer/v1/create:
                post:
                  tags:
                    - Plaid
                  operationId: betaPartnerCustomerV1Create
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/BetaPartnerCustomerV1CreateRequest'
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/BetaPartnerCustomerV1CreateResponse'
              /webhook_verification_key/get:
                post:
                  tags:
                    - Plaid
                  operationId: webhookVerificationKeyGet
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            client_id:
                              type: string
                            key_id:
                              type: string
                          required:
                            - client_id
                            - key_id
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/WebhookVerificationKeyGetResponse'
              /partnerships/list:
                post:
                  tags:
                    - Items
                  operationId: partnershipsList
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/PartnershipList'
              /item/get:
                post:
                  tags:
                    - Items
                  operationId: itemGet
                  parameters:
                    - $ref: '#/components/parameters/UnusedByPartner'
                  requestBody:
                    $ref: '#/components/requestBodies/ItemBody'
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/ItemGetResponse'
                          examples:
                            item:
                              $ref: '#/components/examples/ItemExample'
                    default:
                      $ref: '#/components/responses/ErrorResponse'
              /link/token/create:
                get:
                  tags:
                    - Items
                  operationId: linkTokenCreate
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/LinkTokenCreateResponse'
            components:
              securitySchemes:
                clientId:
                  type: apiKey
                  in: header
                  name: PLAID-CLIENT-ID
                secret:
                  type: apiKey
                  in: header
                  name: PLAID-SECRET
                unusedScheme:
                  type: apiKey
                  in: header
                  name: X-Unused
              parameters:
                TraceHeader:
                  name: X-Trace
                  in: header
                  schema:
                    $ref: '#/components/schemas/TraceId'
                UnusedByPartner:
                  name: X-Item
                  in: header
                  schema:
                    type: string
              requestBodies:
                PartnerCustomerCreateBody:
                  required: true
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PartnerCustomerCreateRequest'
                      example:
                        client_id: abc
                        secret: not-a-real-secret
                        company_name: Acme
                ItemBody:
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ItemGetRequest'
              responses:
                ErrorResponse:
                  description: Error
                  headers:
                    X-Request-Id:
                      $ref: '#/components/headers/RequestIdHeader'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PlaidError'
              headers:
                RequestIdHeader:
                  schema:
                    $ref: '#/components/schemas/RequestID'
              examples:
                CreatedExample:
                  value:
                    request_id: abc
                ItemExample:
                  value:
                    item_id: abc
              schemas:
                PartnerCustomerCreateRequest:
                  type: object
                  properties:
                    client_id:
                      type: string
                    secret:
                      type: string
                    company_name:
                      type: string
                    address:
                      $ref: '#/components/schemas/Address'
                    contacts:
                      type: array
                      items:
                        $ref: '#/components/schemas/Contact'
                    metadata:
                      type: object
                      additionalProperties:
                        $ref: '#/components/schemas/MetadataValue'
                    settings:
                      type: object
                      properties:
                        flag:
                          type: boolean
                  required:
                    - client_id
                    - secret
                    - company_name
                Address:
                  type: object
                  properties:
                    city:
                      type: string
                Contact:
                  description: A contact, composed from a base.
                  type: object
                  allOf:
                    - $ref: '#/components/schemas/ContactBase'
                    - properties:
                        email:
                          type: string
                ContactBase:
                  type: object
                  properties:
                    given_name:
                      type: string
                MetadataValue:
                  type: string
                PartnerCustomerCreateResponse:
                  type: object
                  additionalProperties: true
                  properties:
                    end_customer:
                      $ref: '#/components/schemas/EndCustomerWithSecrets'
                    request_id:
                      $ref: '#/components/schemas/RequestID'
                EndCustomerWithSecrets:
                  allOf:
                    - $ref: '#/components/schemas/EndCustomer'
                    - type: object
                      properties:
                        secrets:
                          $ref: '#/components/schemas/Secrets'
                EndCustomer:
                  allOf:
                    - $ref: '#/components/schemas/EndCustomerBase'
                    - type: object
                      properties:
                        status:
                          $ref: '#/components/schemas/Status'
                EndCustomerBase:
                  type: object
                  properties:
                    client_id:
                      type: string
                Status:
                  type: string
                  enum:
                    - ACTIVE
                    - DENIED
                Secrets:
                  type: object
                  properties:
                    sandbox:
                      type: string
                PartnerCustomerGetRequest:
                  type: object
                  additionalProperties: true
                  properties:
                    client_id:
                      type: string
                    secret:
                      type: string
                    end_customer_client_id:
                      type: string
                  required:
                    - end_customer_client_id
                PartnerCustomerGetResponse:
                  type: object
                  properties:
                    end_customer:
                      oneOf:
                        - $ref: '#/components/schemas/EndCustomer'
                        - $ref: '#/components/schemas/LegacyEndCustomer'
                    hierarchy:
                      $ref: '#/components/schemas/TreeNode'
                    ping:
                      $ref: '#/components/schemas/Ping'
                LegacyEndCustomer:
                  type: object
                  not:
                    $ref: '#/components/schemas/DeletedMarker'
                DeletedMarker:
                  type: object
                  properties:
                    deleted:
                      type: boolean
                TreeNode:
                  type: object
                  properties:
                    children:
                      type: array
                      items:
                        $ref: '#/components/schemas/TreeNode'
                Ping:
                  type: object
                  properties:
                    pong:
                      $ref: '#/components/schemas/Pong'
                Pong:
                  type: object
                  properties:
                    ping:
                      $ref: '#/components/schemas/Ping'
                BetaPartnerCustomerV1CreateRequest:
                  type: object
                  properties:
                    questionnaires:
                      $ref: '#/components/schemas/Questionnaires'
                    products:
                      type: array
                      items:
                        $ref: '#/components/schemas/Products'
                    assets:
                      $ref: '#/components/schemas/Money'
                Questionnaires:
                  type: object
                  properties:
                    cra:
                      $ref: '#/components/schemas/CraQuestionnaire'
                CraQuestionnaire:
                  type: object
                  properties:
                    is_third_party_involved:
                      type: boolean
                Products:
                  type: string
                  enum:
                    - auth
                    - identity
                Money:
                  type: object
                  properties:
                    amount:
                      type: number
                BetaPartnerCustomerV1CreateResponse:
                  type: object
                  properties:
                    requirements_due:
                      type: array
                      items:
                        type: string
                    balance:
                      $ref: '#/components/schemas/Money'
                WebhookVerificationKeyGetResponse:
                  type: object
                  properties:
                    key:
                      $ref: '#/components/schemas/JWKPublicKey'
                JWKPublicKey:
                  type: object
                  properties:
                    kid:
                      type: string
                TraceId:
                  type: string
                RequestID:
                  type: string
                PlaidError:
                  type: object
                  properties:
                    error_type:
                      $ref: '#/components/schemas/PlaidErrorType'
                    causes:
                      type: array
                      items:
                        $ref: '#/components/schemas/PlaidError'
                PlaidErrorType:
                  type: string
                  enum:
                    - PARTNER_ERROR
                PartnerEndCustomerOAuthStatusUpdatedWebhook:
                  type: object
                  properties:
                    webhook_type:
                      description: '`PARTNER`'
                      type: string
                    environment:
                      $ref: '#/components/schemas/WebhookEnvironmentValues'
                WebhookEnvironmentValues:
                  type: string
                  enum:
                    - sandbox
                    - production
                EndCustomerCapabilityWebhook:
                  type: object
                  properties:
                    webhook_type:
                      type: string
                      enum:
                        - PARTNER
                    capability:
                      $ref: '#/components/schemas/CapabilityName'
                CapabilityName:
                  type: string
                ItemErrorWebhook:
                  type: object
                  properties:
                    webhook_type:
                      description: '`ITEM`'
                      type: string
                    error:
                      $ref: '#/components/schemas/PlaidError'
                    detail:
                      $ref: '#/components/schemas/ItemWebhookDetail'
                ItemWebhookDetail:
                  type: object
                PartnerEventSummary:
                  type: object
                  properties:
                    webhook_type:
                      description: '`PARTNER`'
                      type: string
                ItemGetRequest:
                  type: object
                  properties:
                    access_token:
                      type: string
                    address:
                      $ref: '#/components/schemas/Address'
                ItemGetResponse:
                  type: object
                  properties:
                    request_id:
                      $ref: '#/components/schemas/RequestID'
                PartnershipList:
                  type: array
                  items:
                    $ref: '#/components/schemas/Orphan'
                LinkTokenCreateResponse:
                  type: object
                Orphan:
                  type: object
            """;

        /// <summary>The schemas <see cref="Mixed"/> must keep, in its order.</summary>
        public static readonly string[] MixedKeptSchemas =
        {
            "PartnerCustomerCreateRequest", "Address", "Contact", "ContactBase", "MetadataValue", "PartnerCustomerCreateResponse",
            "EndCustomerWithSecrets", "EndCustomer", "EndCustomerBase", "Status", "Secrets", "PartnerCustomerGetRequest",
            "PartnerCustomerGetResponse", "LegacyEndCustomer", "DeletedMarker", "TreeNode", "Ping", "Pong",
            "BetaPartnerCustomerV1CreateRequest", "Questionnaires", "CraQuestionnaire", "Products", "Money",
            "BetaPartnerCustomerV1CreateResponse", "WebhookVerificationKeyGetResponse", "JWKPublicKey", "TraceId", "RequestID",
            "PlaidError", "PlaidErrorType", "PartnerEndCustomerOAuthStatusUpdatedWebhook", "WebhookEnvironmentValues",
            "EndCustomerCapabilityWebhook", "CapabilityName",
        };

        /// <summary>The smallest document the slicer accepts, with <paramref name="schemas"/> and one partner operation using <paramref name="responseSchema"/>.</summary>
        public static string Minimal(string responseSchema = "Thing", string schemas = "Thing:\n      type: object", string openapi = "3.0.3") => $"""
            openapi: {openapi}
            info:
              title: Minimal
              version: '1'
            servers:
              - url: https://sandbox.plaid.com
            paths:
              /partner/thing/get:
                post:
                  operationId: thingGet
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/{responseSchema}'
            components:
              schemas:
                {schemas}
            """;
    }
}
