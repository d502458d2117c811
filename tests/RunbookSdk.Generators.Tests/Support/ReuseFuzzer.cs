using System.Text;
using static RunbookSdk.Generators.Tests.Support.ReuseSources;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>One change to a random project: a file set to a text (added when it is not there) or removed.</summary>
internal sealed record ReuseFuzzOp(int File, string? Text, string Why)
{
    /// <summary>The op that makes a project's first files.</summary>
    public const string Initial = "initial";

    public override string ToString() => Text is null ? $"// {Why}\nREMOVE file #{File}#" : $"// {Why}\nSET file #{File}#:\n{Text}";
}

/// <summary>
/// A seeded random project and edits to it, to break the generator's model reuse (<c>RunbookReads</c>) by
/// chance where the hand-written tests did not think to: constant classes in namespaces Ops, Shared, Ops.Shared and
/// the global one, composed constants, aliases, <c>using static</c>, global usings, a base runbook class with
/// parameters, runbooks reading the constants through different paths; then literals changed, constants added and
/// removed, colliding classes, <c>partial</c>, base classes, usings, renames, moves, files added and removed, and
/// half-typed tokens. The same seed gives the same ops.
/// </summary>
internal static class ReuseFuzzer
{
    /// <summary>The project's initial files, then <paramref name="steps"/> edits, as ops.</summary>
    public static List<ReuseFuzzOp> Generate(int seed, int steps) => new Fuzz(seed).Generate(steps);

    /// <summary>The first line of every file of a random project, so that an op can find its file.</summary>
    public static string Marker(int file) => $"// file #{file}#";

    private sealed class TypeDecl
    {
        public string Name = "";
        public bool Static = true;
        public bool Partial;
        public string? Base;
        public bool Team; // the abstract base runbook class
        public List<(string Name, string Expr)> Consts = new();
        public List<(string Name, string Default)> Parameters = new();
        public List<TypeDecl> Nested = new();
        public string Extra = ""; // half-typed members
    }

    private sealed class RunbookDecl
    {
        public string Id = "";
        public string IdExpr = "";
        public string Title = "";
        public string Chain = "";
        public string Members = "";
        public bool Partial;
        public string BaseType = "Runbook<OpsHandbook>";
    }

    private sealed class FileDecl
    {
        public int Id;
        public string? Raw; // the handbook
        public List<string> Usings = new();
        public List<string> InnerUsings = new(); // inside a namespace block
        public string Ns = "";
        public bool Block;
        public List<TypeDecl> Types = new();
        public RunbookDecl? Runbook;
        public bool Globals;
        public string Extra = ""; // half-typed declarations at namespace level

        public string Render()
        {
            var text = new StringBuilder(Marker(Id)).Append('\n');
            if (Raw is not null) return text.Append(Raw).ToString();
            foreach (var u in Usings) text.Append(u).Append('\n');
            if (Types.Any(t => t.Team) && Runbook is null) text.Append("using RunbookSdk;\n");
            if (Globals) return text.ToString();
            if (Runbook is { } rb)
            {
                var idText = rb.IdExpr == "" ? rb.Id : "{{ID}}";
                var source = ReuseSources.Runbook(idText, rb.Title, rb.Members, rb.Partial ? "public sealed partial class" : "public sealed class", rb.BaseType, rb.Chain);
                if (rb.IdExpr != "") source = source.Replace("\"{{ID}}\"", rb.IdExpr, StringComparison.Ordinal).Replace("Rb{{ID}}", "Rb" + rb.Id, StringComparison.Ordinal);
                return text.Append(source).ToString();
            }

            if (Types.Count == 0 && Extra == "") return text.ToString();
            var indent = "";
            if (Ns != "")
            {
                if (Block)
                {
                    text.Append($"namespace {Ns}\n{{\n");
                    indent = "    ";
                    foreach (var u in InnerUsings) text.Append(indent).Append(u).Append('\n');
                }
                else
                {
                    text.Append($"namespace {Ns};\n");
                }
            }

            foreach (var type in Types) RenderType(text, type, indent);
            if (Extra != "") text.Append(indent).Append(Extra).Append('\n');
            if (Ns != "" && Block) text.Append("}\n");
            return text.ToString();
        }

        private static void RenderType(StringBuilder text, TypeDecl type, string indent)
        {
            if (type.Team)
            {
                text.Append($"{indent}public abstract {(type.Partial ? "partial " : "")}class {type.Name} : Runbook<OpsHandbook>\n{indent}{{\n");
                foreach (var (name, expr) in type.Consts) text.Append($"{indent}    protected const string {name} = {expr};\n");
                foreach (var (name, value) in type.Parameters) text.Append($"{indent}    [Parameter(\"{name} to use\")] public string {name} {{ get; set; }} = {value};\n");
            }
            else
            {
                text.Append($"{indent}public {(type.Static ? "static " : "")}{(type.Partial ? "partial " : "")}class {type.Name}{(type.Base is null ? "" : " : " + type.Base)}\n{indent}{{\n");
                foreach (var (name, expr) in type.Consts) text.Append($"{indent}    public const string {name} = {expr};\n");
            }

            foreach (var nested in type.Nested) RenderType(text, nested, indent + "    ");
            if (type.Extra != "") text.Append($"{indent}    {type.Extra}\n");
            text.Append($"{indent}}}\n");
        }
    }

    /// <summary>Builds a seed's project and edits it step by step.</summary>
    private sealed class Fuzz(int seed)
    {
        private static readonly string[] Namespaces = ["Ops", "Shared", "Ops.Shared", ""];
        private static readonly string[] ClassNames = ["Limits", "Defaults", "Names", "Regions"];
        private static readonly string[] CollidingNames = ["Limits", "Defaults", "Names", "Regions", "Shared", "Ops", "L", "Team"];
        private static readonly string[] ConstNames = ["Region", "Name", "Prefix", "Zone", "Title", "Cmd"];
        private static readonly string[] AliasNames = ["L", "S", "Lim", "Names"];

        private readonly Random _random = new(seed);
        private readonly List<FileDecl> _files = new();
        private readonly List<ReuseFuzzOp> _ops = new();
        private readonly Dictionary<int, string> _rendered = new();
        private readonly Queue<(string Why, Action Undo)> _pending = new();
        private int _nextFile;
        private int _counter;

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private bool Chance(int percent) => _random.Next(100) < percent;

        private string Literal() => $"\"v{_counter++}\"";

        public List<ReuseFuzzOp> Generate(int steps)
        {
            _files.Add(new FileDecl { Id = _nextFile++, Raw = HandbookFile });
            if (Chance(40)) _files.Add(new FileDecl { Id = _nextFile++, Globals = true });
            var constFiles = _random.Next(2, 5);
            for (var i = 0; i < constFiles; i++) _files.Add(NewConstFile());
            if (Chance(60)) _files.Add(NewTeamFile());
            var runbooks = _random.Next(2, 7);
            for (var i = 0; i < runbooks; i++) _files.Add(NewRunbookFile(i));
            foreach (var file in _files)
            {
                var text = file.Render();
                _rendered[file.Id] = text;
                _ops.Add(new ReuseFuzzOp(file.Id, text, ReuseFuzzOp.Initial));
            }

            for (var step = 0; step < steps; step++)
            {
                string why;
                if (_pending.Count > 0)
                {
                    var (pendingWhy, undo) = _pending.Dequeue();
                    undo();
                    why = pendingWhy;
                }
                else
                {
                    why = Mutate();
                }

                Sync(why);
            }

            return _ops;
        }

        /// <summary>Turns the changed, added and removed files into ops.</summary>
        private void Sync(string why)
        {
            foreach (var id in _rendered.Keys.ToList())
            {
                if (_files.Any(f => f.Id == id)) continue;
                _rendered.Remove(id);
                _ops.Add(new ReuseFuzzOp(id, null, why));
            }

            foreach (var file in _files)
            {
                var text = file.Render();
                if (_rendered.TryGetValue(file.Id, out var old) && old == text) continue;
                _rendered[file.Id] = text;
                _ops.Add(new ReuseFuzzOp(file.Id, text, why));
            }
        }

        // ---- building ----

        private IEnumerable<(FileDecl File, TypeDecl Type, string Path)> AllTypes()
        {
            foreach (var file in _files)
            {
                foreach (var type in file.Types)
                {
                    foreach (var found in Walk(file, type, type.Name)) yield return found;
                }
            }

            static IEnumerable<(FileDecl, TypeDecl, string)> Walk(FileDecl file, TypeDecl type, string path)
            {
                yield return (file, type, path);
                foreach (var nested in type.Nested)
                {
                    foreach (var found in Walk(file, nested, path + "." + nested.Name)) yield return found;
                }
            }
        }

        private List<(FileDecl File, TypeDecl Type, string Path, string Const)> AllConsts() =>
            AllTypes().SelectMany(t => t.Type.Consts.Select(c => (t.File, t.Type, t.Path, c.Name))).ToList();

        private FileDecl NewConstFile(string? ns = null, string? name = null)
        {
            var file = new FileDecl { Id = _nextFile++, Ns = ns ?? Pick(Namespaces), Block = Chance(30) };
            var types = name is null ? _random.Next(1, 3) : 1;
            for (var i = 0; i < types; i++)
            {
                // no two classes of one name in a namespace until an edit makes them collide
                var free = ClassNames.Where(n => !_files.Append(file).Any(f => f.Ns == file.Ns && f.Types.Any(t => t.Name == n))).ToList();
                if (name is null && free.Count == 0) break;
                file.Types.Add(NewConstType(file, name ?? Pick(free)));
            }

            return file;
        }

        private TypeDecl NewConstType(FileDecl file, string name)
        {
            var type = new TypeDecl { Name = name, Partial = Chance(25) };
            var consts = _random.Next(1, 4);
            foreach (var c in ConstNames.OrderBy(_ => _random.Next()).Take(consts))
                type.Consts.Add((c, Chance(40) && AllConsts().Count > 0 ? Composed(file, type) : Literal()));
            if (Chance(15))
            {
                var nested = new TypeDecl { Name = Pick(ClassNames), Static = true };
                nested.Consts.Add((Pick(ConstNames), Literal()));
                type.Nested.Add(nested);
            }

            return type;
        }

        private FileDecl NewTeamFile()
        {
            var file = new FileDecl { Id = _nextFile++, Ns = "Ops" };
            var team = new TypeDecl { Name = "TeamRunbook", Team = true, Static = false, Partial = Chance(30) };
            file.Types.Add(team);
            team.Consts.Add(("Prefix", Chance(50) && AllConsts().Count > 0 ? Ref(file, team) : Literal()));
            team.Parameters.Add(("Region", AllConsts().Count > 0 ? Ref(file, team) : Literal()));
            if (Chance(50)) team.Parameters.Add(("Zone", Literal()));
            return file;
        }

        private FileDecl NewRunbookFile(int index)
        {
            var file = new FileDecl { Id = _nextFile++, Ns = "Ops" };
            var rb = new RunbookDecl { Id = "r" + index, Partial = Chance(20) };
            file.Runbook = rb;
            var team = _files.Any(f => f.Types.Any(t => t.Team));
            if (team && Chance(60)) rb.BaseType = "TeamRunbook";
            if (Chance(35))
            {
                rb.Title = Literal(); // a bystander, reused while the edits are elsewhere
                return file;
            }

            if (Chance(25) && AllConsts().Count > 0) rb.IdExpr = Ref(file, null);
            rb.Title = TitleExpr(file, rb);
            if (Chance(60)) rb.Chain = $".Phase(\"P\", p => p.Step(\"S\", s => s.Run($\"cmd {{{Ref(file, null)}}}\")))";
            if (rb.BaseType == "TeamRunbook" && Chance(50)) rb.Chain += ".Summary($\"Drains {Region}\")";
            if (Chance(20))
            {
                rb.Members = $"private const string Local = {Ref(file, null)};";
                rb.Title = "Local + \"!\"";
            }

            return file;
        }

        private string TitleExpr(FileDecl file, RunbookDecl rb)
        {
            if (AllConsts().Count == 0) return Literal();
            if (rb.BaseType == "TeamRunbook" && Chance(25)) return "Prefix + \" \" + " + Ref(file, null);
            return Pick<Func<string>>([() => Ref(file, null), () => "\"T \" + " + Ref(file, null), () => $"$\"{{{Ref(file, null)}}} x\"", () => Ref(file, null) + " + \"-\" + " + Ref(file, null)])();
        }

        private string Composed(FileDecl file, TypeDecl type) =>
            Chance(50) ? Ref(file, type) : Ref(file, type) + " + \"-\" + " + Ref(file, type);

        /// <summary>An expression reading some constant from <paramref name="file"/>, adding the using it needs.</summary>
        private string Ref(FileDecl file, TypeDecl? within)
        {
            var all = AllConsts();
            if (all.Count == 0) return Literal();
            var (targetFile, targetType, path, name) = Pick(all);
            var ns = targetFile.Ns;
            if (within is not null && (ReferenceEquals(within, targetType) || within.Base == targetType.Name) && Chance(70)) return name;
            var roll = _random.Next(100);
            switch (roll < 20 ? 0 : roll < 45 ? 1 : roll < 60 ? 2 : roll < 80 ? 3 : roll < 88 ? 4 : roll < 95 ? 5 : 6)
            {
                case 0:
                    return (ns == "" || Chance(30) ? "global::" : "") + (ns == "" ? "" : ns + ".") + path + "." + name;
                case 1:
                    if (ns != "" && ns != file.Ns) AddUsing(file, $"using {ns};");
                    return path + "." + name;
                case 2:
                    var alias = Pick(AliasNames);
                    AddUsing(file, $"using {alias} = {(ns == "" ? "global::" : ns + ".")}{path};");
                    return alias + "." + name;
                case 3:
                    AddUsing(file, $"using static {(ns == "" ? "global::" : ns + ".")}{path};");
                    return name;
                case 4:
                    var globals = GlobalsFile();
                    if (Chance(50))
                    {
                        if (ns != "") AddUsing(globals, $"global using {ns};");
                        return path + "." + name;
                    }

                    AddUsing(globals, $"global using static {(ns == "" ? "global::" : ns + ".")}{path};");
                    return name;
                case 6 when ns != "":
                    var nsAlias = Pick(AliasNames);
                    AddUsing(file, $"using {nsAlias} = {ns};");
                    return nsAlias + "." + path + "." + name;
                default:
                    // a path that may or may not bind from here: the namespace's last segment only
                    return (ns.Contains('.') ? ns[(ns.LastIndexOf('.') + 1)..] + "." : "") + path + "." + name;
            }
        }

        private static void AddUsing(FileDecl file, string directive)
        {
            if (file.Usings.Contains(directive)) return;
            // global usings first, then the rest
            if (directive.StartsWith("global", StringComparison.Ordinal)) file.Usings.Insert(0, directive);
            else file.Usings.Add(directive);
        }

        private FileDecl GlobalsFile()
        {
            if (_files.FirstOrDefault(f => f.Globals) is { } globals) return globals;
            globals = new FileDecl { Id = _nextFile++, Globals = true };
            _files.Add(globals);
            return globals;
        }

        // ---- editing ----

        private string Mutate()
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var why = _random.Next(20) switch
                {
                    0 or 1 or 2 => ChangeLiteral(),
                    3 => AddConst(),
                    4 => RemoveConst(),
                    5 => AddCollidingClass(),
                    6 => TogglePartial(),
                    7 => AddPartialPart(),
                    8 => SetBase(),
                    9 => AddUsingSomewhere(),
                    10 => RemoveUsing(),
                    11 => Rename(),
                    12 => MoveNamespace(),
                    13 => MoveType(),
                    14 => Chance(50) ? AddFile() : RemoveFile(),
                    15 => HalfToken(),
                    16 => EditRunbook(),
                    17 => AddNested(),
                    18 => GlobalUsingEdit(),
                    _ => EditTeam(),
                };
                if (why is not null) return why;
            }

            return "nothing";
        }

        private string? ChangeLiteral()
        {
            var literals = AllTypes().SelectMany(t => t.Type.Consts.Select((c, i) => (t.Type, i, c))).Where(x => x.c.Expr.StartsWith('"')).ToList();
            if (literals.Count == 0) return null;
            var (type, index, c) = Pick(literals);
            type.Consts[index] = (c.Name, Literal());
            return $"change literal {type.Name}.{c.Name}";
        }

        private string? AddConst()
        {
            var types = AllTypes().ToList();
            if (types.Count == 0) return null;
            var (file, type, path) = Pick(types);
            var candidates = ConstNames.Where(n => type.Consts.All(c => c.Name != n)).ToList();
            if (candidates.Count == 0) return null;
            var name = Pick(candidates);
            type.Consts.Add((name, Chance(70) ? Literal() : Composed(file, type)));
            return $"add const {path}.{name}";
        }

        private string? RemoveConst()
        {
            var types = AllTypes().Where(t => t.Type.Consts.Count > 0).ToList();
            if (types.Count == 0) return null;
            var (_, type, path) = Pick(types);
            var index = _random.Next(type.Consts.Count);
            var name = type.Consts[index].Name;
            type.Consts.RemoveAt(index);
            return $"remove const {path}.{name}";
        }

        private string AddCollidingClass()
        {
            var name = Chance(60) && AllTypes().Any() ? Pick(AllTypes().ToList()).Type.Name : Pick(CollidingNames);
            var ns = Pick(Namespaces);
            var type = new TypeDecl { Name = name };
            type.Consts.Add((Pick(ConstNames), Literal()));
            var sameNs = _files.Where(f => f.Raw is null && !f.Globals && f.Runbook is null && f.Ns == ns).ToList();
            if (sameNs.Count > 0 && Chance(50))
            {
                Pick(sameNs).Types.Add(type);
            }
            else
            {
                var file = new FileDecl { Id = _nextFile++, Ns = ns, Block = Chance(30) };
                file.Types.Add(type);
                _files.Add(file);
            }

            return $"add colliding class {(ns == "" ? "" : ns + ".")}{name}";
        }

        private string? TogglePartial()
        {
            var types = AllTypes().ToList();
            var runbooks = _files.Where(f => f.Runbook is not null).ToList();
            if (runbooks.Count > 0 && Chance(20))
            {
                var rb = Pick(runbooks).Runbook!;
                rb.Partial = !rb.Partial;
                return $"toggle partial on runbook {rb.Id}";
            }

            if (types.Count == 0) return null;
            var (_, type, path) = Pick(types);
            type.Partial = !type.Partial;
            return $"toggle partial on {path}";
        }

        private string? AddPartialPart()
        {
            if (Chance(40))
            {
                var runbooks = _files.Where(f => f.Runbook is not null).ToList();
                if (runbooks.Count == 0) return null;
                var rb = Pick(runbooks).Runbook!;
                rb.Partial = true;
                var part = new FileDecl { Id = _nextFile++, Ns = "Ops" };
                part.Types.Add(new TypeDecl { Name = "Rb" + rb.Id, Static = false, Partial = true, Consts = { (Pick(ConstNames), Literal()) } });
                part.Types[0].Extra = "";
                _files.Add(part);
                return $"add partial part of runbook {rb.Id} declaring {part.Types[0].Consts[0].Name}";
            }

            var tops = _files.SelectMany(f => f.Types.Select(t => (File: f, Type: t))).ToList();
            if (tops.Count == 0) return null;
            var (file, type) = Pick(tops);
            type.Partial = true;
            var copy = new TypeDecl { Name = type.Name, Static = type.Static, Partial = true, Team = type.Team, Base = Chance(30) ? type.Base : null };
            copy.Consts.Add((Pick(ConstNames), Literal()));
            var newFile = new FileDecl { Id = _nextFile++, Ns = file.Ns, Block = Chance(30) };
            newFile.Types.Add(copy);
            _files.Add(newFile);
            return $"add partial part of {type.Name} declaring {copy.Consts[0].Name}";
        }

        private string? SetBase()
        {
            var types = AllTypes().Where(t => !t.Type.Team).ToList();
            if (types.Count == 0) return null;
            var (file, type, path) = Pick(types);
            if (type.Base is not null && Chance(50))
            {
                var old = type.Base;
                type.Base = null;
                return $"remove base {old} of {path}";
            }

            var others = AllTypes().Where(t => !ReferenceEquals(t.Type, type) && !t.Type.Team).ToList();
            if (others.Count == 0) return null;
            var (baseFile, baseType, basePath) = Pick(others);
            baseType.Static = false;
            type.Static = false;
            type.Base = Chance(50) || baseFile.Ns == "" ? basePath : baseFile.Ns + "." + basePath;
            if (baseFile.Ns != "" && baseFile.Ns != file.Ns && !type.Base.Contains('.')) AddUsing(file, $"using {baseFile.Ns};");
            return $"set base of {path} to {type.Base}";
        }

        private string? AddUsingSomewhere()
        {
            var files = _files.Where(f => f.Raw is null && !f.Globals).ToList();
            var file = Pick(files);
            var types = AllTypes().ToList();
            var ns = Pick(Namespaces.Where(n => n != "").ToList());
            var directive = _random.Next(3) switch
            {
                0 => $"using {ns};",
                1 when types.Count > 0 => Pick(types) is var t ? $"using static {(t.File.Ns == "" ? "global::" : t.File.Ns + ".")}{t.Path};" : "",
                _ when types.Count > 0 => Pick(types) is var t2 ? $"using {Pick(AliasNames)} = {(t2.File.Ns == "" ? "global::" : t2.File.Ns + ".")}{t2.Path};" : "",
                _ => $"using {ns};",
            };
            if (file.Usings.Contains(directive) || file.InnerUsings.Contains(directive)) return null;
            if (file.Block && file.Ns != "" && Chance(60))
            {
                file.InnerUsings.Add(directive);
                return $"add '{directive}' inside the namespace block of file {file.Id}";
            }

            AddUsing(file, directive);
            return $"add '{directive}' to file {file.Id}";
        }

        private string? RemoveUsing()
        {
            var files = _files.Where(f => f.Usings.Count + f.InnerUsings.Count > 0).ToList();
            if (files.Count == 0) return null;
            var file = Pick(files);
            var directive = Pick(file.Usings.Concat(file.InnerUsings).ToList());
            file.Usings.Remove(directive);
            file.InnerUsings.Remove(directive);
            return $"remove '{directive}' from file {file.Id}";
        }

        private string? GlobalUsingEdit()
        {
            var globals = GlobalsFile();
            if (globals.Usings.Count > 0 && Chance(40))
            {
                var directive = Pick(globals.Usings);
                globals.Usings.Remove(directive);
                return $"remove '{directive}'";
            }

            var types = AllTypes().ToList();
            var ns = Pick(Namespaces.Where(n => n != "").ToList());
            string directiveToAdd;
            if (types.Count > 0 && Chance(60))
            {
                var t = Pick(types);
                var target = (t.File.Ns == "" ? "global::" : t.File.Ns + ".") + t.Path;
                directiveToAdd = Chance(50) ? $"global using static {target};" : $"global using {Pick(AliasNames)} = {target};";
            }
            else
            {
                directiveToAdd = $"global using {ns};";
            }

            if (globals.Usings.Contains(directiveToAdd)) return null;
            // sometimes in a file of its own, sometimes in another file
            var into = Chance(80) ? globals : Pick(_files.Where(f => f.Raw is null && !f.Globals).ToList());
            AddUsing(into, directiveToAdd);
            return $"add '{directiveToAdd}' to file {into.Id}";
        }

        private string? Rename()
        {
            var types = AllTypes().Where(t => !t.Type.Team || Chance(30)).ToList();
            if (types.Count == 0) return null;
            var (_, type, path) = Pick(types);
            var old = type.Name;
            type.Name = Chance(50) ? old + "2" : Pick(CollidingNames);
            if (type.Name == old) return null;
            var renamed = type.Name;
            _pending.Enqueue(($"rename {renamed} back to {old}", () => type.Name = old));
            return $"rename {path} to {renamed}";
        }

        private string? MoveNamespace()
        {
            var files = _files.Where(f => f.Types.Count > 0 && !f.Types.Any(t => t.Team)).ToList();
            if (files.Count == 0) return null;
            var file = Pick(files);
            var old = file.Ns;
            file.Ns = Pick(Namespaces.Where(n => n != old).ToList());
            if (Chance(50)) _pending.Enqueue(($"move file {file.Id} back to namespace '{old}'", () => file.Ns = old));
            return $"move file {file.Id} from namespace '{old}' to '{file.Ns}'";
        }

        private string? MoveType()
        {
            var from = _files.Where(f => f.Types.Count > 0 && !f.Types.Any(t => t.Team)).ToList();
            if (from.Count == 0) return null;
            var source = Pick(from);
            var type = Pick(source.Types);
            var targets = _files.Where(f => f.Raw is null && !f.Globals && f.Runbook is null && !ReferenceEquals(f, source)).ToList();
            FileDecl target;
            if (targets.Count == 0 || Chance(30))
            {
                target = new FileDecl { Id = _nextFile++, Ns = Pick(Namespaces) };
                _files.Add(target);
            }
            else
            {
                target = Pick(targets);
            }

            source.Types.Remove(type);
            target.Types.Add(type);
            return $"move {type.Name} from file {source.Id} ('{source.Ns}') to file {target.Id} ('{target.Ns}')";
        }

        private string AddFile()
        {
            var file = NewConstFile();
            _files.Add(file);
            return $"add file {file.Id}";
        }

        private string? RemoveFile()
        {
            var files = _files.Where(f => f.Raw is null && (f.Runbook is null || Chance(20))).ToList();
            if (files.Count == 0) return null;
            var file = Pick(files);
            _files.Remove(file);
            if (Chance(50))
            {
                var copy = file;
                _pending.Enqueue(($"add file {file.Id} back", () => _files.Add(copy)));
            }

            return $"remove file {file.Id}";
        }

        private string? HalfToken()
        {
            switch (_random.Next(4))
            {
                case 0:
                {
                    var runbooks = _files.Where(f => f.Runbook is not null).ToList();
                    if (runbooks.Count == 0) return null;
                    var rb = Pick(runbooks).Runbook!;
                    var old = rb.Title;
                    var cut = _random.Next(1, Math.Max(2, old.Length));
                    rb.Title = old[..cut];
                    _pending.Enqueue(($"complete runbook {rb.Id}'s title", () => rb.Title = old));
                    return $"half-type runbook {rb.Id}'s title: {rb.Title}";
                }
                case 1:
                {
                    var types = AllTypes().ToList();
                    if (types.Count == 0) return null;
                    var (_, type, path) = Pick(types);
                    var name = Pick(ConstNames);
                    var cut = _random.Next(1, name.Length);
                    type.Extra = Chance(50) ? $"public const string {name[..cut]}" : $"public const string {name} = {Pick(ClassNames)[..3]}";
                    _pending.Enqueue(($"complete the member in {path}", () =>
                    {
                        type.Extra = "";
                        if (type.Consts.All(c => c.Name != name)) type.Consts.Add((name, Literal()));
                    }));
                    return $"half-type a member in {path}: {type.Extra}";
                }
                case 2:
                {
                    var files = _files.Where(f => f.Raw is null && !f.Globals && f.Runbook is null).ToList();
                    if (files.Count == 0) return null;
                    var file = Pick(files);
                    var name = Pick(CollidingNames);
                    var cut = _random.Next(1, name.Length + 1);
                    file.Extra = Chance(50) ? $"public static class {name[..cut]}" : $"class {name[..cut]} {{";
                    _pending.Enqueue(($"complete the class {name} in file {file.Id}", () =>
                    {
                        file.Extra = "";
                        file.Types.Add(new TypeDecl { Name = name, Consts = { (Pick(ConstNames), Literal()) } });
                    }));
                    return $"half-type a class in file {file.Id}: {file.Extra}";
                }
                default:
                {
                    var files = _files.Where(f => f.Raw is null).ToList();
                    var file = Pick(files);
                    var ns = Pick(Namespaces.Where(n => n != "").ToList());
                    var half = Chance(50) ? "using " + ns[..Math.Min(ns.Length, _random.Next(1, 5))] : "using static " + ns + ".";
                    file.Usings.Add(half);
                    _pending.Enqueue(($"complete '{half}' in file {file.Id}", () =>
                    {
                        file.Usings.Remove(half);
                        AddUsing(file, $"using {ns};");
                    }));
                    return $"half-type '{half}' in file {file.Id}";
                }
            }
        }

        private string? EditRunbook()
        {
            var files = _files.Where(f => f.Runbook is not null).ToList();
            if (files.Count == 0) return null;
            var file = Pick(files);
            var rb = file.Runbook!;
            switch (_random.Next(4))
            {
                case 0:
                    rb.Title = TitleExpr(file, rb);
                    return $"runbook {rb.Id}: title {rb.Title}";
                case 1:
                    if (!_files.Any(f => f.Types.Any(t => t.Team))) return null;
                    rb.BaseType = rb.BaseType == "TeamRunbook" ? "Runbook<OpsHandbook>" : "TeamRunbook";
                    return $"runbook {rb.Id}: base {rb.BaseType}";
                case 2:
                    var name = Pick(ConstNames);
                    rb.Members = rb.Members == "" ? $"private const string {name} = {Literal()};" : "";
                    return $"runbook {rb.Id}: members '{rb.Members}'";
                default:
                    rb.Chain = $".Phase(\"P\", p => p.Step(\"S\", s => s.Run($\"cmd {{{Ref(file, null)}}}\")))";
                    return $"runbook {rb.Id}: chain {rb.Chain}";
            }
        }

        private string? AddNested()
        {
            var types = AllTypes().ToList();
            if (types.Count == 0) return null;
            var (_, type, path) = Pick(types);
            if (type.Nested.Count > 0 && Chance(40))
            {
                var removed = type.Nested[^1];
                type.Nested.RemoveAt(type.Nested.Count - 1);
                return $"remove nested {path}.{removed.Name}";
            }

            var nested = new TypeDecl { Name = Chance(50) ? Pick(ClassNames) : Pick(CollidingNames), Static = Chance(70) };
            nested.Consts.Add((Pick(ConstNames), Literal()));
            type.Nested.Add(nested);
            return $"add nested {path}.{nested.Name}";
        }

        private string? EditTeam()
        {
            var teams = AllTypes().Where(t => t.Type.Team).ToList();
            if (teams.Count == 0)
            {
                if (!Chance(30)) return null;
                _files.Add(NewTeamFile());
                return "add the team base class";
            }

            var (file, team, _) = Pick(teams);
            switch (_random.Next(3))
            {
                case 0:
                    var index = _random.Next(team.Parameters.Count == 0 ? 1 : team.Parameters.Count);
                    if (team.Parameters.Count == 0) team.Parameters.Add(("Region", Ref(file, team)));
                    else team.Parameters[index] = (team.Parameters[index].Name, Ref(file, team));
                    return "team: parameter default " + team.Parameters[index].Default;
                case 1:
                    var name = Pick(ConstNames);
                    if (team.Consts.Any(c => c.Name == name)) team.Consts.RemoveAll(c => c.Name == name);
                    else team.Consts.Add((name, Chance(50) ? Literal() : Ref(file, team)));
                    return "team: toggle const " + name;
                default:
                    var extra = Pick(ConstNames);
                    if (team.Parameters.Any(p => p.Name == extra)) team.Parameters.RemoveAll(p => p.Name == extra);
                    else team.Parameters.Add((extra, Literal()));
                    return "team: toggle parameter " + extra;
            }
        }
    }
}
