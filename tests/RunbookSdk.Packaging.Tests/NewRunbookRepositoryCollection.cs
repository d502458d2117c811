namespace RunbookSdk.Packaging.Tests;

/// <summary>One <see cref="NewRunbookRepository"/> for every test class of <see cref="NewRunbookRepository.Collection"/>.</summary>
[CollectionDefinition(NewRunbookRepository.Collection)]
public sealed class NewRunbookRepositoryCollection : ICollectionFixture<NewRunbookRepository>;
