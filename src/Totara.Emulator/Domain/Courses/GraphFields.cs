using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Utilities;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Short-hands for attaching resolvers to schema-first types. Every field of a learning type gets
/// an explicit resolver, because the SDL names are snake_case and the records are C#-cased.
/// </summary>
public static class GraphFields
{
    public static void Field<TSource>(this TypeConfig type, string field, Func<TSource, object?> get) =>
        type.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => get((TSource)ctx.Source!));

    public static void Field<TSource>(this TypeConfig type, string field, Func<TSource, IResolveFieldContext, object?> get) =>
        type.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => get((TSource)ctx.Source!, ctx));

    /// <summary>
    /// A core_date field: resolves the raw unix timestamp (0 for "no date"); the schema's
    /// format-argument wrapper renders it in the requested core_date_format.
    /// </summary>
    public static void Date<TSource>(this TypeConfig type, string field, Func<TSource, long?> get) =>
        type.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => get((TSource)ctx.Source!) is { } t and not 0 ? t : null);

    /// <summary>A text field: resolves the stored text; the schema's wrapper applies the core_format argument.</summary>
    public static void Text<TSource>(this TypeConfig type, string field, Func<TSource, string?> get) =>
        type.FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => get((TSource)ctx.Source!));

    /// <summary>A root query or mutation field.</summary>
    public static void Root(this TypeSettings types, string parent, string field, Func<IResolveFieldContext, object?> resolve) =>
        types.For(parent).FieldFor(field).Resolver = new FuncFieldResolver<object?>(resolve);

    public static IReadOnlyDictionary<string, object?>? ObjectArgument(this IResolveFieldContext ctx, string name) =>
        ctx.Arguments is not null && ctx.Arguments.TryGetValue(name, out var arg) ? GraphInput.AsObject(arg.Value) : null;

    /// <summary>The id of the service account the calling API client acts as.</summary>
    public static long ActorId(this IResolveFieldContext ctx) =>
        ctx.UserContext is ApiRequestContext request ? request.ServiceUserId : UserStore.AdminId;
}
