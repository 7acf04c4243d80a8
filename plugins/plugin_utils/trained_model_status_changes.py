# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What changed between two listings of a collaboration's trained models.

A model is known by its ARN; what the source watches of it is the latest version and that
version's status, both in the listing's summaries. Comparing a listing with the last one
seen costs one dict lookup per model: a poll's cost grows with the number of models, not
with the number of polls before it.
"""


class Observed:
    """The latest version of a model and its status, as last seen."""

    __slots__ = ("status", "version_identifier")

    def __init__(self, version_identifier, status):
        self.version_identifier = version_identifier
        self.status = status

    @classmethod
    def of(cls, description):
        """From a summary or a GetCollaborationTrainedModel response (camelCase members)."""
        return cls(description.get("versionIdentifier"), description.get("status"))

    def __eq__(self, other):
        return isinstance(other, Observed) and (self.version_identifier, self.status) == (
            other.version_identifier,
            other.status,
        )

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self.version_identifier, self.status))

    def __repr__(self):
        return f"Observed({self.version_identifier!r}, {self.status!r})"


class Change:
    """A model whose listing summary differs from what was last seen; previous is None for a model not seen before."""

    __slots__ = ("current", "previous", "trained_model_arn")

    def __init__(self, trained_model_arn, previous, current):
        self.trained_model_arn = trained_model_arn
        self.previous = previous
        self.current = current

    @property
    def previous_status(self):
        return self.previous.status if self.previous else None


class ObservedModels:
    """The models of a collaboration as last seen, by ARN."""

    def __init__(self):
        self._seen = {}

    def __len__(self):
        return len(self._seen)

    def changes(self, summaries):
        """The Change of each summary that differs from what was seen; forgets models no longer listed."""
        listed = set()
        changes = []
        for summary in summaries:
            arn = summary.get("trainedModelArn")
            listed.add(arn)
            current = Observed.of(summary)
            previous = self._seen.get(arn)
            if current != previous:
                changes.append(Change(arn, previous, current))
        for arn in set(self._seen) - listed:
            del self._seen[arn]
        return changes

    def record(self, trained_model_arn, observed):
        """Remember what was seen of a model: its change is not reported again."""
        self._seen[trained_model_arn] = observed

    def previous(self, trained_model_arn):
        """What was last seen of a model, or None."""
        return self._seen.get(trained_model_arn)
