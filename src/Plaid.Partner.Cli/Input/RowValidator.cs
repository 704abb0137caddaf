namespace Plaid.Partner.Cli.Input
{
    /// <summary>
    /// Checks every row before anything is sent and builds its create request: each bad cell is a problem with its row
    /// and column; a reference used twice in the file, and a column this tool does not know, are problems too (a typo
    /// in a header would otherwise drop that field from every customer without a word). The <c>api</c> column picks
    /// Plaid's create (<c>ga</c>, the default) or the beta create (<c>beta</c>); a value in a column the chosen create
    /// does not have is a problem, not dropped.
    /// </summary>
    internal static class RowValidator
    {
        public static (IReadOnlyList<ValidRow> Valid, IReadOnlyList<RowProblem> Problems) Validate(IReadOnlyList<RawRow> rows)
        {
            var valid = new List<ValidRow>();
            var problems = new List<RowProblem>();
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var unknownReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                var before = problems.Count;
                var unknownColumns = row.Values.Keys.Where(k => !CustomerColumns.All.Contains(k)).ToList();
                foreach (var column in unknownColumns.Where(unknownReported.Add))
                {
                    // Said once, at the first row that has it; every row with it stays unsent, as its field would be lost.
                    problems.Add(new RowProblem(row.Number, column, "is not a column this tool knows; see 'plaid-partner onboard --help'."));
                }

                var cells = new CellReader(row, problems);
                var reference = cells.Text(CustomerColumns.Reference, required: true, maxLength: CustomerColumns.MaxReferenceLength);
                if (reference is not null && !firstRowOf.TryAdd(reference, row.Number))
                {
                    cells.Problem(CustomerColumns.Reference, $"'{reference}' is also the reference of row {firstRowOf[reference]}; each end customer needs its own.");
                }

                var beta = IsBeta(cells);
                var request = beta ? null : Build(row, cells);
                var betaRequest = beta ? BuildBeta(row, cells) : null;
                if (problems.Count == before && unknownColumns.Count == 0 && reference is not null)
                {
                    valid.Add(new ValidRow(row.Number, reference, request, betaRequest));
                }
            }

            return (valid, problems);
        }

        private static bool IsBeta(CellReader cells)
        {
            switch (cells.Text(CustomerColumns.Api)?.ToUpperInvariant())
            {
                case null or "GA":
                    return false;
                case "BETA":
                    return true;
                default:
                    cells.Problem(CustomerColumns.Api, "must be ga (Plaid's /partner/customer/create, the default when empty) or beta (/beta/partner/customer/v1/create).");
                    return false;
            }
        }

        /// <summary>A problem for each column with a value that the row's create does not have.</summary>
        private static void RefuseColumns(RawRow row, CellReader cells, IEnumerable<string> columns, string reason)
        {
            foreach (var column in columns)
            {
                if (row.Values.TryGetValue(column, out var value) && (value.Items is { Count: > 0 } || !string.IsNullOrWhiteSpace(value.Text)))
                {
                    cells.Problem(column, reason);
                }
            }
        }

        private static PartnerCustomerCreateRequest Build(RawRow row, CellReader cells)
        {
            RefuseColumns(row, cells, CustomerColumns.BetaOnly, "is a field of the beta create only; set the api column to beta, or leave this empty.");
            return new PartnerCustomerCreateRequest
            {
                CompanyName = cells.Text("company_name", required: true)!,
                LegalEntityName = cells.Text("legal_entity_name", required: true)!,
                ApplicationName = cells.Text("application_name", required: true)!,
                Website = cells.WebAddress("website", required: true)!,
                IsDiligenceAttested = cells.YesNo("is_diligence_attested", required: true) ?? false,
                IsBankAddendumCompleted = cells.YesNo("is_bank_addendum_completed", required: true) ?? false,
                CreateLinkCustomization = cells.YesNo("create_link_customization"),
                Logo = cells.Text("logo", maxLength: 1_000_000),
                RegistrationNumber = cells.Text("registration_number"),
                Address = RequestParts.Address(cells),
                Products = RequestParts.ProductList(cells),
                RedirectUris = RequestParts.RedirectUris(cells),
                TechnicalContact = RequestParts.TechnicalContact(cells),
                BillingContact = RequestParts.BillingContact(cells),
                CustomerSupportInfo = RequestParts.SupportInfo(cells),
                AssetsUnderManagement = RequestParts.AssetsUnderManagement(cells),
            };
        }

        /// <summary>
        /// The beta create asks for less up front (Plaid lists what is still due in the answer's requirements_due, and the
        /// ledger keeps it), so only the company, application name and website are required here.
        /// </summary>
        private static BetaPartnerCustomerV1CreateRequest BuildBeta(RawRow row, CellReader cells)
        {
            RefuseColumns(row, cells, CustomerColumns.GaOnly, "is not a field of the beta create (/beta/partner/customer/v1/create); leave it empty in an api=beta row.");
            return new BetaPartnerCustomerV1CreateRequest
            {
                CompanyName = cells.Text("company_name", required: true)!,
                LegalEntityName = cells.Text("legal_entity_name"),
                ApplicationName = cells.Text("application_name", required: true)!,
                Website = cells.WebAddress("website", required: true)!,
                IsDiligenceAttested = cells.YesNo("is_diligence_attested"),
                CreateLinkCustomization = cells.YesNo("create_link_customization"),
                Logo = cells.Text("logo", maxLength: 1_000_000),
                Address = RequestParts.Address(cells),
                Products = RequestParts.ProductList(cells),
                RedirectUris = RequestParts.RedirectUris(cells),
                TechnicalContact = RequestParts.TechnicalContact(cells),
                BillingContact = RequestParts.BillingContact(cells),
                CustomerSupportInfo = RequestParts.SupportInfo(cells) ?? new PartnerEndCustomerCustomerSupportInfo(),
                BankAddendumAcceptance = RequestParts.BankAddendumAcceptance(cells),
            };
        }
    }
}
