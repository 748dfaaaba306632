using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client;

/// <summary>One root field to run as an alias of a batched request.</summary>
public sealed class BatchOperation
{
    /// <summary>Describes one root field of a batch; the batcher gives it an alias and turns its arguments into request variables.</summary>
    /// <param name="field">The root field to call, e.g. <c>core_user_create_user</c>.</param>
    /// <param name="isMutation">True for a mutation; a batch never mixes mutations and queries in one request.</param>
    /// <param name="arguments">The field's arguments; null means none.</param>
    /// <param name="selection">The selection set (see <see cref="Selection"/>); null means none, for a scalar field.</param>
    /// <param name="tag">The caller's input record, handed back on the result (see <see cref="Tag"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> is null, empty or white space.</exception>
    public BatchOperation(string field, bool isMutation, IReadOnlyList<BatchArgument> arguments, string selection, object? tag = null)
    {
        if (string.IsNullOrWhiteSpace(field)) throw new ArgumentException("The operation's root field is empty.", nameof(field));
        Field = field;
        IsMutation = isMutation;
        Arguments = arguments ?? Array.Empty<BatchArgument>();
        Selection = selection ?? "";
        Tag = tag;
    }

    /// <summary>The root field, e.g. <c>core_user_create_user</c>.</summary>
    public string Field { get; }

    /// <summary>True when the field is a mutation (it changes the site); false for a query.</summary>
    public bool IsMutation { get; }

    /// <summary>The field's arguments, each sent as a variable of the request, never spliced into the document; empty when it takes none.</summary>
    public IReadOnlyList<BatchArgument> Arguments { get; }

    /// <summary>The selection set, with or without its braces, e.g. <c>{ user { id username } }</c>.</summary>
    public string Selection { get; }

    /// <summary>Safe to resend after a lost answer (applying it twice changes nothing).</summary>
    public bool IsIdempotent { get; set; }

    /// <summary>
    /// After a lost answer, checks whether the operation was applied: returns its data if it was,
    /// null if it was not (then it is resent).
    /// </summary>
    public Func<CancellationToken, Task<JsonElement?>>? RecoverAfterLostAnswer { get; set; }

    /// <summary>
    /// A query whose data stands for this operation's data when the operation is known to have
    /// run but its answer was lost with the rest of the request (an alias after it failed and
    /// nulled the whole data), e.g. <c>core_user_user</c> after <c>core_user_create_user</c>.
    /// The read-backs of one request go out together as one batch, not one request each.
    /// </summary>
    public BatchOperation? ReadBack { get; set; }

    /// <summary>
    /// Turns <see cref="ReadBack"/>'s data into this operation's data when their shapes differ
    /// (e.g. picks the one job assignment out of a user's list); returns null when the read-back
    /// does not show the result, and then <see cref="RecoverAfterLostAnswer"/> decides. Without
    /// it the read-back's data is taken as it is.
    /// </summary>
    public Func<JsonElement, JsonElement?>? ReadBackAnswer { get; set; }

    /// <summary>
    /// This operation's data, known before it runs (a delete answers with the id it was given):
    /// when the operation is known to have run but its answer was lost with the rest of the
    /// request, it is settled with this and no request at all.
    /// </summary>
    public JsonElement? AnswerWhenApplied { get; set; }

    /// <summary>The caller's input record, handed back on the result.</summary>
    public object? Tag { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{(IsMutation ? "mutation" : "query")} {Field}";
}

/// <summary>An argument of a batched operation; it becomes a variable of the request.</summary>
public sealed class BatchArgument
{
    /// <summary>Describes one argument; the batcher renames it to a variable unique within the request.</summary>
    /// <param name="name">The argument's name in the schema, e.g. <c>input</c>.</param>
    /// <param name="graphQLType">The variable's GraphQL type, e.g. <c>core_user_create_user_input!</c>.</param>
    /// <param name="value">The value as plain CLR data (dictionaries, lists, strings, numbers); null sends JSON null.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="graphQLType"/> is null, empty or white space.</exception>
    public BatchArgument(string name, string graphQLType, object? value)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The argument name is empty.", nameof(name));
        if (string.IsNullOrWhiteSpace(graphQLType)) throw new ArgumentException($"The GraphQL type of argument '{name}' is empty.", nameof(graphQLType));
        Name = name;
        GraphQLType = graphQLType;
        Value = value;
    }

    /// <summary>The argument's name in the schema, e.g. <c>input</c>.</summary>
    public string Name { get; }

    /// <summary>e.g. <c>core_user_create_user_input!</c>.</summary>
    public string GraphQLType { get; }

    /// <summary>The value sent as the variable (plain CLR data); null sends JSON null.</summary>
    public object? Value { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {GraphQLType}";
}

/// <summary>The outcome of one batched operation.</summary>
public sealed class BatchItemResult
{
    /// <summary>Records how one operation of a batch ended.</summary>
    /// <param name="index">The operation's position in the input sequence.</param>
    /// <param name="operation">The operation this result is for.</param>
    /// <param name="data">The alias's data, if it succeeded.</param>
    /// <param name="error">The error that belongs to the alias; null when it succeeded.</param>
    public BatchItemResult(int index, BatchOperation operation, JsonElement? data, TotaraGraphQLError? error)
    {
        Index = index;
        Operation = operation;
        Data = data;
        Error = error;
    }

    /// <summary>The operation's position in the input sequence.</summary>
    public int Index { get; }

    /// <summary>The operation this result is for, with its <see cref="BatchOperation.Tag"/>.</summary>
    public BatchOperation Operation { get; }

    /// <summary>The alias's data (detached copy), if it succeeded.</summary>
    public JsonElement? Data { get; }

    /// <summary>The error that belongs to this alias (the site's, or the client's own lost-answer marker); null when it succeeded.</summary>
    public TotaraGraphQLError? Error { get; }

    /// <summary>True when the operation has no error; its <see cref="Data"/> may still be null when the field answers null.</summary>
    public bool Succeeded => Error is null;

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"#{Index} {Operation.Field}: ok" : $"#{Index} {Operation.Field}: {Error}";
}
