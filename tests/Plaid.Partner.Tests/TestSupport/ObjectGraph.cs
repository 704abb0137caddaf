using System;
using System.Collections.Generic;
using System.Reflection;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// Every string an object keeps, through every field of every object it reaches, public or private: what a debugger,
    /// a heap dump or a reflecting serializer could show of it. Reflection objects (types, members, assemblies) are not
    /// followed; they lead to the whole runtime.
    /// </summary>
    internal static class ObjectGraph
    {
        private const int MaxObjects = 100_000;

        public static List<string> StringsReachableFrom(object root)
        {
            var strings = new List<string>();
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<object>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(current))
                {
                    continue;
                }

                if (seen.Count > MaxObjects)
                {
                    throw new InvalidOperationException($"The graph holds more than {MaxObjects} objects; the walk stopped.");
                }

                switch (current)
                {
                    case string text:
                        strings.Add(text);
                        continue;
                    case MemberInfo or Assembly or Module or Delegate:
                        continue;
                    case Array array:
                        foreach (var item in array)
                        {
                            PushIfReference(pending, item);
                        }

                        continue;
                }

                for (var type = current.GetType(); type is not null; type = type.BaseType)
                {
                    foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                        {
                            PushIfReference(pending, field.GetValue(current));
                        }
                    }
                }
            }

            return strings;
        }

        // Boxed structs are walked too: a struct field can hold a string.
        private static void PushIfReference(Stack<object> pending, object? value)
        {
            if (value is not null && !value.GetType().IsPrimitive && !value.GetType().IsEnum)
            {
                pending.Push(value);
            }
        }
    }
}
