using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Pacing;

/// <summary>
/// A small recursive-descent reader of executable GraphQL documents: enough to find the
/// operation kind, its root fields, their arguments and nested selections. Variable types and
/// directives are read past, not interpreted; validation is the site's job.
/// </summary>
internal sealed class GraphQLDocumentParser
{
    private readonly List<Token> _tokens;
    private int _next;

    public GraphQLDocumentParser(List<Token> tokens) => _tokens = tokens;

    private Token Peek => _tokens[_next];

    public GraphQLDocument ParseDocument()
    {
        var document = new GraphQLDocument();
        while (Peek.Kind != TokenKind.End)
        {
            if (Peek.Is("{"))
            {
                document.Operations.Add(new OperationNode("query", null, ParseSelectionSet()));
            }
            else if (Peek.Kind == TokenKind.Name && Peek.Text == "fragment")
            {
                _next++;
                var name = ExpectName();
                ExpectKeyword("on");
                ExpectName();
                SkipDirectives();
                document.Fragments[name] = ParseSelectionSet();
            }
            else if (Peek.Kind == TokenKind.Name && Peek.Text is "query" or "mutation" or "subscription")
            {
                var kind = Take().Text;
                string? name = Peek.Kind == TokenKind.Name ? Take().Text : null;
                if (Peek.Is("(")) SkipBalanced("(", ")");
                SkipDirectives();
                document.Operations.Add(new OperationNode(kind, name, ParseSelectionSet()));
            }
            else
            {
                throw Unexpected("an operation or fragment");
            }
        }
        return document;
    }

    private List<SelectionNode> ParseSelectionSet()
    {
        Expect("{");
        var selections = new List<SelectionNode>();
        while (!Peek.Is("}"))
        {
            if (Peek.Kind == TokenKind.End) throw Unexpected("'}'");
            selections.Add(ParseSelection());
        }
        _next++;
        return selections;
    }

    private SelectionNode ParseSelection()
    {
        if (Peek.Is("..."))
        {
            _next++;
            if (Peek.Kind == TokenKind.Name && Peek.Text == "on")
            {
                _next++;
                ExpectName();
                SkipDirectives();
                return new InlineFragmentNode(ParseSelectionSet());
            }
            if (Peek.Is("{") || Peek.Is("@"))
            {
                SkipDirectives();
                return new InlineFragmentNode(ParseSelectionSet());
            }
            var fragment = ExpectName();
            SkipDirectives();
            return new FragmentSpreadNode(fragment);
        }

        var first = ExpectName();
        string? alias = null;
        var name = first;
        if (Peek.Is(":"))
        {
            _next++;
            alias = first;
            name = ExpectName();
        }

        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Peek.Is("("))
        {
            _next++;
            while (!Peek.Is(")"))
            {
                var argument = ExpectName();
                Expect(":");
                arguments[argument] = ParseValue();
            }
            _next++;
        }
        SkipDirectives();
        var selections = Peek.Is("{") ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, selections);
    }

    private object? ParseValue()
    {
        if (Peek.Kind == TokenKind.End) throw Unexpected("a value");
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Variable: return new VariableRef(token.Text);
            case TokenKind.String: return token.Text;
            case TokenKind.Number:
                if (long.TryParse(token.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return integer;
                return double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            case TokenKind.Name:
                return token.Text switch { "true" => true, "false" => false, "null" => null, _ => token.Text };
        }

        if (token.Is("["))
        {
            var list = new List<object?>();
            while (!Peek.Is("]"))
            {
                if (Peek.Kind == TokenKind.End) throw Unexpected("']'");
                list.Add(ParseValue());
            }
            _next++;
            return list;
        }

        if (token.Is("{"))
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (!Peek.Is("}"))
            {
                var key = ExpectName();
                Expect(":");
                map[key] = ParseValue();
            }
            _next++;
            return map;
        }

        _next--;
        throw Unexpected("a value");
    }

    private void SkipDirectives()
    {
        while (Peek.Is("@"))
        {
            _next++;
            ExpectName();
            if (Peek.Is("(")) SkipBalanced("(", ")");
        }
    }

    private void SkipBalanced(string open, string close)
    {
        var depth = 0;
        do
        {
            var token = Take();
            if (token.Kind == TokenKind.End) throw Unexpected($"'{close}'");
            if (token.Is(open)) depth++;
            else if (token.Is(close)) depth--;
        }
        while (depth > 0);
    }

    private Token Take()
    {
        var token = _tokens[_next];
        if (token.Kind != TokenKind.End) _next++;
        return token;
    }

    private void Expect(string punctuator)
    {
        if (!Peek.Is(punctuator)) throw Unexpected($"'{punctuator}'");
        _next++;
    }

    private void ExpectKeyword(string keyword)
    {
        if (Peek.Kind != TokenKind.Name || Peek.Text != keyword) throw Unexpected($"'{keyword}'");
        _next++;
    }

    private string ExpectName()
    {
        if (Peek.Kind != TokenKind.Name) throw Unexpected("a name");
        return Take().Text;
    }

    private FormatException Unexpected(string expected) =>
        new($"Expected {expected} but found {Peek} at position {Peek.Position} of the GraphQL document.");
}
