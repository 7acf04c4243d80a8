"""cleanroomsml base URL and paths."""

from .responses import CleanRoomsMLResponse

url_bases = [
    r"https?://cleanrooms-ml\.(.+)\.amazonaws\.com",
]

# A trainedModelArn contains slashes, and the server sees the path decoded, so it
# is matched with `.+`; that also covers .../trained-models/{trainedModelArn}/versions.
# The operation itself is resolved from the method and the botocore model (operation_routes.py).
_MEMBERSHIP_MODELS = "{0}/memberships/(?P<membershipIdentifier>[^/]+)/trained-models"
_COLLABORATION_MODELS = "{0}/collaborations/(?P<collaborationIdentifier>[^/]+)/trained-models"
_MODEL = "/(?P<trainedModelArn>.+)"
url_paths = {
    f"{_MEMBERSHIP_MODELS}$": CleanRoomsMLResponse.dispatch,
    f"{_MEMBERSHIP_MODELS}{_MODEL}$": CleanRoomsMLResponse.dispatch,
    f"{_COLLABORATION_MODELS}$": CleanRoomsMLResponse.dispatch,
    f"{_COLLABORATION_MODELS}{_MODEL}$": CleanRoomsMLResponse.dispatch,
}
