using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// A generated model's <c>AdditionalProperties</c> (<see cref="PlaidJsonValue"/>s) seen as the dictionary a
    /// serializer's extension data must be: <c>IDictionary&lt;string, JToken&gt;</c> for Newtonsoft.Json,
    /// <c>IDictionary&lt;string, JsonElement&gt;</c> for System.Text.Json. The members an answer has beyond the contract
    /// are read into, and written from, the one public dictionary whichever serializer runs. Made for each use by the
    /// model's hidden extension-data properties (openapi/templates/Class.liquid).
    /// </summary>
    internal static class ExtensionDataView
    {
        public static IDictionary<string, JToken> ForNewtonsoft(IDictionary<string, PlaidJsonValue> values) =>
            new View<JToken>(values, PlaidJsonValueNewtonsoftJsonConverter.ToToken, PlaidJsonValueNewtonsoftJsonConverter.FromToken);

        public static IDictionary<string, JsonElement> ForSystemTextJson(IDictionary<string, PlaidJsonValue> values) =>
            new View<JsonElement>(values, ToElement, PlaidJsonValue.From);

        private static JsonElement ToElement(PlaidJsonValue value)
        {
            using var document = JsonDocument.Parse(value.JsonText);
            return document.RootElement.Clone();
        }

        private sealed class View<TValue> : IDictionary<string, TValue>
        {
            private readonly IDictionary<string, PlaidJsonValue> _values;
            private readonly Func<PlaidJsonValue, TValue> _toView;
            private readonly Func<TValue, PlaidJsonValue> _fromView;

            public View(IDictionary<string, PlaidJsonValue> values, Func<PlaidJsonValue, TValue> toView, Func<TValue, PlaidJsonValue> fromView)
            {
                _values = values;
                _toView = toView;
                _fromView = fromView;
            }

            public ICollection<string> Keys => _values.Keys;

            public ICollection<TValue> Values => _values.Values.Select(_toView).ToList();

            public int Count => _values.Count;

            public bool IsReadOnly => false;

            public TValue this[string key]
            {
                get => _toView(_values[key]);
                set => _values[key] = _fromView(value);
            }

            public void Add(string key, TValue value) => _values.Add(key, _fromView(value));

            public void Add(KeyValuePair<string, TValue> item) => Add(item.Key, item.Value);

            public void Clear() => _values.Clear();

            public bool Contains(KeyValuePair<string, TValue> item) => _values.TryGetValue(item.Key, out var value) && value.Equals(_fromView(item.Value));

            public bool ContainsKey(string key) => _values.ContainsKey(key);

            public void CopyTo(KeyValuePair<string, TValue>[] array, int arrayIndex)
            {
                foreach (var pair in this)
                {
                    array[arrayIndex++] = pair;
                }
            }

            public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() =>
                _values.Select(pair => new KeyValuePair<string, TValue>(pair.Key, _toView(pair.Value))).GetEnumerator();

            public bool Remove(string key) => _values.Remove(key);

            public bool Remove(KeyValuePair<string, TValue> item) => Contains(item) && _values.Remove(item.Key);

            public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = _toView(found);
                    return true;
                }

                value = default;
                return false;
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
