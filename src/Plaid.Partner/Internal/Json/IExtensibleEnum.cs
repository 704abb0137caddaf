namespace Plaid.Partner.Internal
{
    /// <summary>
    /// Marks the generated extensible enums (readonly structs over a string, see openapi/templates/Enum.liquid)
    /// so that <see cref="ExtensibleEnumJsonConverter"/> can recognise them.
    /// </summary>
    internal interface IExtensibleEnum
    {
    }
}
