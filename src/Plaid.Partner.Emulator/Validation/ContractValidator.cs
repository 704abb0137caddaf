using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using Plaid.Partner.Emulator.Errors;

namespace Plaid.Partner.Emulator.Validation
{
    /// <summary>
    /// Checks a request body against its operation's schema in the bundled contract with NJsonSchema, and turns the
    /// first kind of problem into Plaid's error for it: MISSING_FIELDS, then UNKNOWN_FIELDS, then INVALID_FIELD,
    /// each naming the field(s) by their JSON path (e.g. <c>address.city</c>, <c>products[1]</c>).
    /// </summary>
    internal static class ContractValidator
    {
        public static PlaidErrorSpec? Check(JsonSchema schema, JObject body)
        {
            var errors = Flatten(schema.Validate(body)).ToList();
            if (errors.Count == 0)
            {
                return null;
            }

            var missing = errors.Where(e => e.Kind == ValidationErrorKind.PropertyRequired).Select(FieldName).ToList();
            if (missing.Count > 0)
            {
                return PlaidErrors.MissingFields(missing);
            }

            var unknown = errors.Where(e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed).Select(FieldName).ToList();
            if (unknown.Count > 0)
            {
                return PlaidErrors.UnknownFields(unknown);
            }

            return PlaidErrors.InvalidField(string.Join("; ", errors.Select(e => Describe(e, body))));
        }

        private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
        {
            foreach (var error in errors)
            {
                if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
                {
                    foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                    {
                        yield return nested;
                    }
                }
                else
                {
                    yield return error;
                }
            }
        }

        /// <summary>NJsonSchema paths look like <c>#/address.city</c>; Plaid names fields <c>address.city</c>.</summary>
        private static string FieldName(ValidationError error) =>
            (error.Path ?? error.Property ?? string.Empty).TrimStart('#').TrimStart('/');

        private static string Describe(ValidationError error, JObject body)
        {
            var field = FieldName(error);
            var value = Find(body, field);
            // Only the JSON type is echoed, never a value: whatever was sent stays out of error messages.
            var got = value is null ? string.Empty : $" (got {value.Type.ToString().ToLowerInvariant()})";
            return error.Kind switch
            {
                ValidationErrorKind.StringExpected => $"{field} must be a string{got}",
                ValidationErrorKind.BooleanExpected => $"{field} must be a boolean{got}",
                ValidationErrorKind.ArrayExpected => $"{field} must be an array{got}",
                ValidationErrorKind.ObjectExpected => $"{field} must be an object{got}",
                ValidationErrorKind.NumberExpected => $"{field} must be a number{got}",
                ValidationErrorKind.IntegerExpected => $"{field} must be an integer{got}",
                ValidationErrorKind.NotInEnumeration => $"{field} must be one of {string.Join(", ", error.Schema.Enumeration)}",
                _ => $"{field} is invalid ({error.Kind}){got}",
            };
        }

        private static JToken? Find(JObject body, string field)
        {
            try
            {
                return body.SelectToken(field.Length == 0 ? "$" : field);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }
    }
}
