package org.dangan.workflow.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dangan.workflow.audit.AuditAction;
import org.dangan.workflow.audit.AuditLog;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.InstitutionScope;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.platform.RoleCheck;
import org.dangan.workflow.registry.DocumentType;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Permission;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search as people use it. The user's institution subtree and, without the permission, the
 * exclusion of restricted documents go into the query the backend runs, so hits, snippets, counts
 * and facets all stay inside what the user may see. Every search is audited (its filters and hit
 * count), and so is every query refused as unreadable or past the parser's limits.
 */
@Service
@Transactional
public class Search {

    public static final int MAX_SIZE = 100;

    /** Characters in a query: a long question is a few dozen; this is room for 64 terms. */
    public static final int MAX_QUERY_LENGTH = 1_000;

    private final SearchIndex index;
    private final Institutions institutions;
    private final AuditLog auditLog;

    Search(SearchIndex index, Institutions institutions, AuditLog auditLog) {
        this.index = index;
        this.institutions = institutions;
        this.auditLog = auditLog;
    }

    /** What a user asks: every field optional; {@code institution} is a code, {@code page} counts from 0. */
    public record Query(
            String q,
            String type,
            String institution,
            String record,
            LocalDate from,
            LocalDate to,
            String sort,
            int page,
            int size) {}

    // a refused query is audited too: its entry must outlive the refusal
    @Transactional(noRollbackFor = {Refused.class, IllegalArgumentException.class})
    public SearchResult search(Query query) {
        DanganUser user = RoleCheck.require(Role.SEARCHER, Role.ARCHIVIST, Role.SUPERVISOR);
        InstitutionScope scope = institutions.currentScope();
        Long within = null;
        if (query.institution() != null && !query.institution().isBlank()) {
            Institution i = institutions
                    .byCode(query.institution().strip())
                    .filter(found -> scope.includes(found.getId()))
                    .orElseThrow(() -> Refused.invalid("search.institutionUnknown"));
            within = i.getId();
        }
        String type = null;
        if (query.type() != null && !query.type().isBlank()) {
            type = DocumentType.parse(query.type())
                    .map(Enum::name)
                    .orElseThrow(() -> Refused.invalid("search.typeUnknown"));
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw Refused.invalid(
                    "search.dates", query.from().toString(), query.to().toString());
        }
        if (query.page() < 0) {
            throw Refused.invalid("search.pageNegative");
        }
        if (query.size() < 1 || query.size() > MAX_SIZE) {
            throw Refused.invalid("search.pageSize", MAX_SIZE);
        }
        if (((long) query.page() + 1) * query.size() > 10_000) {
            throw Refused.invalid("search.tooDeep");
        }
        SearchRequest.Sort sort = parseSort(query.sort());
        Long audited = within == null ? scope.root().getId() : within;
        QueryExpr parsed;
        try {
            parsed = QueryParser.parse(query.q());
        } catch (Refused | IllegalArgumentException refused) {
            auditLog.record(
                    AuditAction.SEARCH,
                    "SEARCH",
                    null,
                    audited,
                    detail(query) + "; refused: " + (refused instanceof Refused r ? r.key() : "unreadable query"));
            throw refused;
        }
        SearchResult found = index.search(new SearchRequest(
                parsed,
                scope.root().getId(),
                user.has(Permission.RESTRICTED_DOCUMENTS),
                within,
                type,
                query.record() == null || query.record().isBlank()
                        ? null
                        : query.record().strip(),
                query.from(),
                query.to(),
                sort,
                query.page(),
                query.size()));
        // a restricted document's text is read with a purpose, in the viewer: its hit names it, shows no text
        List<Long> restricted = found.hits().stream()
                .filter(Search::restricted)
                .map(SearchResult.Hit::documentId)
                .distinct()
                .toList();
        auditLog.record(
                AuditAction.SEARCH,
                "SEARCH",
                null,
                audited,
                detail(query) + "; " + found.total() + " hits"
                        + (restricted.isEmpty()
                                ? ""
                                : "; restricted documents listed: "
                                        + restricted.stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(","))));
        return named(found);
    }

    /** The words and phrases a query looks for (not those it excludes), to mark them on a page. */
    public static List<String> terms(String q) {
        try {
            return QueryParser.parse(q).wordsAskedFor();
        } catch (IllegalArgumentException | Refused unreadable) {
            return List.of(); // nothing to mark
        }
    }

    private static SearchRequest.Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return SearchRequest.Sort.RELEVANCE;
        }
        try {
            return SearchRequest.Sort.valueOf(sort.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("search.sort");
        }
    }

    /** What was asked, without the words (they may name a resident): the audit detail holds no personal data. */
    private static String detail(Query query) {
        String q = query.q() == null ? "" : query.q().strip();
        return "query of " + q.codePointCount(0, q.length()) + " characters"
                + (query.type() == null ? "" : "; type " + query.type())
                + (query.institution() == null ? "" : "; institution " + query.institution())
                + (query.record() == null ? "" : "; one record")
                + (query.from() == null && query.to() == null ? "" : "; dates " + query.from() + " to " + query.to());
    }

    /** Institutions by code, as the user knows them, instead of the index's ids. */
    private SearchResult named(SearchResult found) {
        Map<String, Long> byCode = new LinkedHashMap<>();
        found.facets().getOrDefault("institution", Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> byCode.put(code(e.getKey()), e.getValue()));
        Map<String, Long> types = new LinkedHashMap<>();
        found.facets().getOrDefault("documentType", Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> types.put(e.getKey(), e.getValue()));
        List<SearchResult.Hit> hits = found.hits().stream()
                .map(h -> new SearchResult.Hit(
                        h.documentId(),
                        h.page(),
                        h.recordNumber(),
                        h.documentType(),
                        restricted(h) ? null : h.snippet(),
                        code(h.institution()),
                        h.date()))
                .toList();
        return new SearchResult(found.total(), hits, Map.of("documentType", types, "institution", byCode));
    }

    private static boolean restricted(SearchResult.Hit hit) {
        return DocumentType.parse(hit.documentType())
                .map(DocumentType::restricted)
                .orElse(true);
    }

    private String code(String institutionId) {
        return institutions.require(Long.valueOf(institutionId)).getCode();
    }
}
