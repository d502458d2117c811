using RunbookSdk.Cli;

return await RunbookCli.RunAsync(args, Console.Out, Console.Error);
