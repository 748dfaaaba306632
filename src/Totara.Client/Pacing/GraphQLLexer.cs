using System;
using System.Collections.Generic;
using System.Text;

namespace Totara.Client.Pacing;

internal enum TokenKind { Punctuator, Name, Variable, String, Number, End }

internal readonly struct Token
{
    public Token(TokenKind kind, string text, int position)
    {
        Kind = kind;
        Text = text;
        Position = position;
    }

    public TokenKind Kind { get; }

    public string Text { get; }

    public int Position { get; }

    public bool Is(string punctuator) => Kind == TokenKind.Punctuator && Text == punctuator;

    public override string ToString() => Kind == TokenKind.End ? "end of document" : $"'{Text}'";
}

/// <summary>Splits a GraphQL document into tokens; commas, whitespace and comments are ignored.</summary>
internal static class GraphQLLexer
{
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipIgnored(source, i);
            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", i));
                return tokens;
            }

            var c = source[i];
            var start = i;
            if (c == '.' && i + 2 < source.Length && source[i + 1] == '.' && source[i + 2] == '.')
            {
                tokens.Add(new Token(TokenKind.Punctuator, "...", start));
                i += 3;
            }
            else if ("{}()[]:!=@|&".IndexOf(c) >= 0)
            {
                tokens.Add(new Token(TokenKind.Punctuator, c.ToString(), start));
                i++;
            }
            else if (c == '$')
            {
                i++;
                var name = ReadName(source, ref i);
                tokens.Add(new Token(TokenKind.Variable, name, start));
            }
            else if (IsNameStart(c))
            {
                tokens.Add(new Token(TokenKind.Name, ReadName(source, ref i), start));
            }
            else if (c == '-' || char.IsDigit(c))
            {
                i++;
                while (i < source.Length && (char.IsDigit(source[i]) || source[i] is '.' or 'e' or 'E' or '+' or '-'))
                    i++;
                tokens.Add(new Token(TokenKind.Number, source.Substring(start, i - start), start));
            }
            else if (c == '"')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(source, ref i), start));
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at position {i} of the GraphQL document.");
            }
        }
    }

    private static int SkipIgnored(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
                i++;
            else if (c == '#')
                while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
            else
                break;
        }
        return i;
    }

    private static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static string ReadName(string s, ref int i)
    {
        var start = i;
        if (i >= s.Length || !IsNameStart(s[i]))
            throw new FormatException($"Expected a name at position {i} of the GraphQL document.");
        while (i < s.Length && (IsNameStart(s[i]) || char.IsDigit(s[i]))) i++;
        return s.Substring(start, i - start);
    }

    private static string ReadString(string s, ref int i)
    {
        if (string.CompareOrdinal(s, i, "\"\"\"", 0, 3) == 0)
        {
            var end = s.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            if (end < 0) throw new FormatException("Unterminated block string in the GraphQL document.");
            var text = s.Substring(i + 3, end - i - 3);
            i = end + 3;
            return text;
        }

        var builder = new StringBuilder();
        i++;
        while (i < s.Length && s[i] != '"')
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                builder.Append(s[i + 1]);
                i += 2;
            }
            else
            {
                builder.Append(s[i++]);
            }
        }
        if (i >= s.Length) throw new FormatException("Unterminated string in the GraphQL document.");
        i++;
        return builder.ToString();
    }
}
